import BoardpackKit
print("boardpack")
