#!/bin/sh
# First start: generate a persistent token secret and initialise the server directory, with the
# root password from the (optional) Docker secret. Every start: run devpi-server in the
# foreground with --restrict-modify (root by default) so anonymous visitors cannot create
# accounts or indexes.
set -eu

: "${DEVPI_SERVERDIR:=/data/server}"
: "${DEVPI_SECRETFILE:=/data/secret}"
: "${DEVPI_HOST:=0.0.0.0}"
: "${DEVPI_PORT:=3141}"
: "${DEVPI_RESTRICT_MODIFY=root}"
: "${DEVPI_ROOT_PASSWORD_FILE:=/run/secrets/devpi_root_password}"
: "${DEVPI_EXTRA_ARGS:=}"

# Without a persistent secret every login token dies when the container restarts.
if [ ! -s "$DEVPI_SECRETFILE" ]; then
  umask 077
  python -c 'import base64, os; print(base64.b64encode(os.urandom(48)).decode())' > "$DEVPI_SECRETFILE"
  umask 022
  echo "devpi-entrypoint: generated $DEVPI_SECRETFILE"
fi

if [ ! -f "$DEVPI_SERVERDIR/.nodeinfo" ]; then
  root_password=""
  if [ -s "$DEVPI_ROOT_PASSWORD_FILE" ]; then
    root_password="$(tr -d '\r\n' < "$DEVPI_ROOT_PASSWORD_FILE")"
  fi
  if [ -n "$root_password" ]; then
    devpi-init --serverdir "$DEVPI_SERVERDIR" --root-passwd "$root_password"
    echo "devpi-entrypoint: initialised $DEVPI_SERVERDIR with the root password from the secret"
  else
    devpi-init --serverdir "$DEVPI_SERVERDIR"
    echo "devpi-entrypoint: initialised $DEVPI_SERVERDIR; root has an EMPTY password, set one in the dashboard"
  fi
fi

set -- devpi-server \
  --serverdir "$DEVPI_SERVERDIR" \
  --secretfile "$DEVPI_SECRETFILE" \
  --host "$DEVPI_HOST" \
  --port "$DEVPI_PORT" \
  "$@"
if [ -n "$DEVPI_RESTRICT_MODIFY" ]; then
  set -- "$@" --restrict-modify "$DEVPI_RESTRICT_MODIFY"
fi
# Word splitting is wanted here: DEVPI_EXTRA_ARGS holds several flags, e.g. "--offline-mode".
# shellcheck disable=SC2086
exec "$@" $DEVPI_EXTRA_ARGS
