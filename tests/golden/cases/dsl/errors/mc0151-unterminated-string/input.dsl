service a port 80 labels team="shop
