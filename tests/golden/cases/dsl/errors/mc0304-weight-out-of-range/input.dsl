# Proves: a DSL weight above 1,000,000 has the YAML's code.
# Expected: MC0304 at 8:16; no bundle.
gateway gw {
  listener web http 80
}
service a port 80 endpoints 10.0.0.1
route r on gw {
  rule to a:80 2000000
}
