service bookstore port 8080
route r on service bookstor {
  rule to bookstore
}
