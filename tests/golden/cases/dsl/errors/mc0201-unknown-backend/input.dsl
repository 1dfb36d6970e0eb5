service bookstore port 8080
service bookstore-v1 port 8080
route r on service bookstore {
  rule to bookstore-v1 90, bookstore-v2 10
}
