"""How pages present what the read models hold: charts, hours of an event day, contact
cards and calendars, QR codes, and the timeline's words."""
