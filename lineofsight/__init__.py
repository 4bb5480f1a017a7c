"""Line of Sight: children's social care recording, timescales, returns and performance."""
