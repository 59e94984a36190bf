// Who leads each delegation?
MATCH (o:official)-[:leads]->(d:delegation)
RETURN d, o.label AS leader
ORDER BY d, leader
