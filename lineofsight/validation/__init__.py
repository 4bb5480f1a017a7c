"""DfE validation of statutory returns (CIN census, later SSDA903): pure, no Django."""
