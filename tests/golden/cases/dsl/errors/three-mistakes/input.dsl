gateway gw {
  listener web htp 80
}
servce echo port 8080
route r on gw {
  rule /echo to echo:8080 2000000
}
