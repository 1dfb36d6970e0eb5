route r on gw {
  rule to a:80
}
route r on gw {
  rule to b:80
}
