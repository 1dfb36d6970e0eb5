# Proves: an unknown HTTP method is reported with a suggestion.
# Expected: MC0179 at 8:18 (did you mean 'GET'?); no bundle.
gateway gw {
  listener web http 80
}
service a port 80 endpoints 10.0.0.1
route r on gw {
  rule /a method GTE to a:80
}
