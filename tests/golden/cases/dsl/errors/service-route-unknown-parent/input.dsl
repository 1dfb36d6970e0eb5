# Proves: an unknown Service a route attaches to is found by the shared parent checks, with a suggestion.
# Expected: MC0280 at 4:12 (did you mean 'bookstore'?); no bundle.
service bookstore port 8080
route r on service bookstor {
  rule to bookstore:8080
}
