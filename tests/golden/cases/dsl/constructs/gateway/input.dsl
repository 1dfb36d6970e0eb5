# Proves: gateway and listeners: class defaults to cilium, HTTPS with a DSL-declared TLS Secret.
# Expected: no errors; MC0251 info for the SDS secret.
gateway edge {
  listener web http 80
  listener secure https 443 host *.example.com tls edge-cert
}
secret edge-cert tls
