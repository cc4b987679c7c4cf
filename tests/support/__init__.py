"""What the tests share: builders, fleets, live servers, hostile inputs, database facts.

Test modules import from here, never from one another.
"""
