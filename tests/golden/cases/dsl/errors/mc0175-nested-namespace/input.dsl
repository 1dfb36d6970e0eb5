namespace a {
  namespace b {
  }
}
