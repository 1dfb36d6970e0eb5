# Proves: path prefix/exact/regex, header, query and method matches, and 'or' between matches.
# Expected: no errors; MC0217 warning (no endpoints).
gateway edge {
  listener web http 80
}
service api port 8080
route matches on edge {
  rule /api header x-env=canary method POST to api:8080
  rule exact /health or regex "^/v[0-9]+/" to api:8080
  rule query debug=1 to api:8080
}
