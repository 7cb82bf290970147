# syntax=docker/dockerfile:1
# The dashboard: the BFF (apps/bff) serving the built SPA (apps/web). Build everything in one
# stage, then ship a runtime with production dependencies only, as a non-root user.
# Build context: the repository root (see .dockerignore).

FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund \
    && npx turbo run build --filter=@devpi-dashboard/bff --filter=@devpi-dashboard/web

# Production dependencies of the BFF and the workspace packages it imports, nothing else.
# better-sqlite3 (the embedded store) is a native addon: when no prebuilt binary matches, npm
# compiles it, which needs python3, make and g++. They stay in this stage; runtime gets the result.
FROM node:20-bookworm-slim AS deps
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/bff/package.json apps/bff/
COPY packages/devpi-client/package.json packages/devpi-client/
COPY packages/dashboard-api/package.json packages/dashboard-api/
RUN npm ci --omit=dev --workspace @devpi-dashboard/bff --no-audit --no-fund \
    && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    TRUST_PROXY_HOPS=1 \
    STATIC_DIR=/app/apps/web/dist \
    DATA_DIR=/data
WORKDIR /app
# The embedded SQLite store when DATABASE_URL is not set; mount a volume here to keep it.
RUN mkdir /data && chown node:node /data
VOLUME ["/data"]
COPY --from=deps --chown=root:root /app/ ./
COPY --from=build /src/packages/devpi-client/dist packages/devpi-client/dist
COPY --from=build /src/packages/dashboard-api/dist packages/dashboard-api/dist
COPY --from=build /src/apps/bff/dist apps/bff/dist
COPY --from=build /src/apps/web/dist apps/web/dist
# The SPA's server entry, with its dependencies bundled in: the BFF renders the signed-in landing page with it.
COPY --from=build /src/apps/web/dist-server apps/web/dist-server

# The node image's unprivileged user; the app files stay root-owned and read-only to it.
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Node as PID 1 receives SIGTERM directly, so the BFF's graceful shutdown runs.
CMD ["node", "apps/bff/dist/server.js"]
