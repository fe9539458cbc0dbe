print("irkb")
