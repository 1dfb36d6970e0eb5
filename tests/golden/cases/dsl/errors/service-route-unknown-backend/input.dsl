# Proves: an unknown backend of a service route is found by the shared CEC checks, at the DSL position, with a suggestion.
# Expected: MC0219 at 6:28 (did you mean 'bookstore-v1'?); no bundle.
service bookstore port 8080
service bookstore-v1 port 8080
route r on service bookstore {
  rule to bookstore-v1 90, bookstore-v2 10
}
