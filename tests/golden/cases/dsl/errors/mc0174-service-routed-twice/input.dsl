# Proves: a Service has at most one service route.
# Expected: MC0174 at 7:12; no bundle.
service a port 80
route r on service a:80 {
  rule to a:80
}
route s on service a:80 {
  rule to a:80
}
