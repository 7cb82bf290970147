#!/bin/sh
# Runs in the official nginx image before nginx starts (after 20-envsubst-on-templates.sh).
# TLS is switched on by mounting a certificate: with tls.crt and tls.key present, render the
# listen/certificate snippet the main server block includes; without them, make sure no stale
# snippet from an earlier start is left behind.
set -eu

: "${TLS_CERT_FILE:=/etc/nginx/certs/tls.crt}"
: "${TLS_KEY_FILE:=/etc/nginx/certs/tls.key}"
: "${TLS_LISTEN_PORT:=443}"
# Overridable only so the deploy checks can run this script outside the image.
: "${NGINX_CONF_DIR:=/etc/nginx}"
export TLS_CERT_FILE TLS_KEY_FILE TLS_LISTEN_PORT

snippet_dir="$NGINX_CONF_DIR/tls.d"
mkdir -p "$snippet_dir"
rm -f "$snippet_dir/listen-tls.conf"

if [ -f "$TLS_CERT_FILE" ] && [ -f "$TLS_KEY_FILE" ]; then
  envsubst '${TLS_LISTEN_PORT} ${TLS_CERT_FILE} ${TLS_KEY_FILE}' \
    < "$NGINX_CONF_DIR/tls.conf.template" > "$snippet_dir/listen-tls.conf"
  echo "$0: TLS on port $TLS_LISTEN_PORT with $TLS_CERT_FILE"
else
  echo "$0: no certificate at $TLS_CERT_FILE, serving plain HTTP only"
fi
