gateway edge {
  listener web http 80
  listener secure https 443 host *.example.com tls edge-cert
}
