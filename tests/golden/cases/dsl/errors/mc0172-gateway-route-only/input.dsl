# Proves: 'timeout backend' is refused on a service route.
# Expected: MC0172 at 5:29; no bundle.
service a port 80
route r on service a {
  rule to a timeout backend 2s
}
