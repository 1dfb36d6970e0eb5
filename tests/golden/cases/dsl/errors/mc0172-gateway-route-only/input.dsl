# Proves: 'timeout backend' is refused on a service route.
# Expected: MC0172 at 5:32; no bundle.
service a port 80
route r on service a:80 {
  rule to a:80 timeout backend 2s
}
