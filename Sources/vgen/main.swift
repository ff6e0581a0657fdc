import VideoRender
print("vgen")
