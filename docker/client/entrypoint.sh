#!/bin/sh
# Point devpi-client at the server behind the load balancer the first time, then run the
# command as given. A later `devpi use <url>` inside the container overrides this and is kept in
# the mounted client directory.
set -eu

if [ ! -f "$DEVPI_CLIENTDIR/current.json" ]; then
  devpi use "$DEVPI_URL" >/dev/null
fi
exec "$@"
