// diplograph's schema: applied at every start by src/graph/migrations.ts, in order, each
// statement on its own (schema changes cannot share a transaction with writes). Every statement
// is idempotent (IF NOT EXISTS). Neo4j Community supports uniqueness constraints only.

// Ids are unique across the whole graph (every node has the Entity label) and per label.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT delegation_id IF NOT EXISTS FOR (n:Delegation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;

// Lookups the API makes: meetings by date window and status, places by kind, countries by code.
CREATE INDEX meeting_date_start IF NOT EXISTS FOR (n:Meeting) ON (n.dateStart);
CREATE INDEX meeting_status IF NOT EXISTS FOR (n:Meeting) ON (n.status);
CREATE INDEX place_kind IF NOT EXISTS FOR (n:Place) ON (n.placeKind);
CREATE INDEX country_iso3 IF NOT EXISTS FOR (n:Country) ON (n.iso3);

// Search over names and aliases. `searchText` holds the name and every alias (full-text indexes
// skip list properties); the standard-folding analyzer folds accents and case, so "turkiye",
// "Türkiye" and "TURKIYE" are one term.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Country|Organization|Person|Delegation|Place|Meeting)
ON EACH [n.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };

// Claims: one source's values and quotes for one node or relationship (src/model/claims.ts).
// Found by the element they are about and by the source that made them.
CREATE CONSTRAINT claim_key IF NOT EXISTS FOR (c:Claim) REQUIRE c.key IS UNIQUE;
CREATE INDEX claim_subject IF NOT EXISTS FOR (c:Claim) ON (c.subjectId);
CREATE INDEX claim_source IF NOT EXISTS FOR (c:Claim) ON (c.sourceId);
