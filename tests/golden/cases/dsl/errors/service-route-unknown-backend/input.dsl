# Proves: an unknown backend of a service route is found by the shared backend checks, at the DSL position, with a suggestion.
# Expected: MC0201 at 6:38 (did you mean 'bookstore-v1'?); no bundle.
service bookstore port 8080
service bookstore-v1 port 8080
route r on service bookstore:8080 {
  rule to bookstore-v1:8080 90, bookstore-v2:8080 10
}
