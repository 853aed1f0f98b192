"""The expert roster (生物安全专家库) and the member agencies (成员单位)."""
