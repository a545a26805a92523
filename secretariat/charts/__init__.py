"""Server-rendered SVG charts that pages of several apps draw: no script, no CDN, printable.

A low shared floor (it imports only the core's formatting), so that an app draws a chart without
importing the portal or another app: `timelines` (membership over time, Freedom House ratings) and
`strength` (personnel bars of forces and missions).
"""
