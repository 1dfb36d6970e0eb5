# Proves: a route name declared twice is an error at the second declaration.
# Expected: MC0170 at 10:1; no bundle.
gateway gw {
  listener web http 80
}
service a port 80 endpoints 10.0.0.1
route r on gw {
  rule to a:80
}
route r on gw {
  rule to a:80 2
}
