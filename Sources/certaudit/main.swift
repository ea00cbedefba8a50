print("certaudit")
