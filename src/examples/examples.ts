/**
 * The example operations: the one list the playground opens as tabs and the tests run against the
 * seeded article. Each `name` is the operation's own name (GraphiQL titles a tab with it); ids are
 * the article's (seed/*.facts.yaml).
 */

export interface ExampleOperation {
  /** The operation's name in `query`, shown as the tab title. */
  name: string;
  /** One line saying what it asks; the playground shows it as a comment above the query. */
  description: string;
  query: string;
  variables: Record<string, unknown>;
}

const ISTANBUL_TALKS = 'meeting:2025-05-16-istanbul-talks';

export const EXAMPLE_OPERATIONS: ExampleOperation[] = [
  {
    name: 'WhoMetFidan',
    description:
      'Who met Türkiye’s foreign minister, where and when, in what role, and which quote says so (held meetings only).',
    query: `query WhoMetFidan($actorId: ID!) {
  whoMetWhom(actorId: $actorId) {
    totalCount
    edges {
      node {
        counterpart { id name kind }
        meetingCount
        meetings {
          meeting { id name status }
          date { value precision }
          medium
          venue { name }
          city { name }
          country { name }
          actorTookPart { how role delegation { name } }
          counterpartTookPart { how role delegation { name } }
          evidence { quote offset source { title } }
        }
      }
    }
  }
}`,
    variables: { actorId: 'person:hakan-fidan' },
  },
  {
    name: 'MeetingsAtDolmabahce',
    description: 'Meetings held at one venue, with their date, time and who took part in what role.',
    query: `query MeetingsAtDolmabahce($placeId: ID!) {
  meetings(filter: { placeId: $placeId }) {
    totalCount
    edges {
      node {
        id
        name
        status
        date { value precision }
        time
        timezone
        venue { name }
        participants { role actor { id name kind } }
      }
    }
  }
}`,
    variables: { placeId: 'place:dolmabahce-palace' },
  },
  {
    name: 'MeetingsInIstanbul',
    description: 'Meetings anywhere in a city: a city finds the meetings at its venues.',
    query: `query MeetingsInIstanbul($placeId: ID!) {
  meetings(filter: { placeId: $placeId }) {
    totalCount
    edges {
      node {
        id
        name
        status
        date { value precision }
        venue { name locatedIn { name } }
      }
    }
  }
}`,
    variables: { placeId: 'place:istanbul' },
  },
  {
    name: 'SearchActors',
    description: 'Actors by name or alias, accents and case ignored: "turkiye" finds Türkiye.',
    query: `query SearchActors($search: String!) {
  actors(search: $search, first: 10) {
    totalCount
    edges {
      node { id name kind aliases }
    }
  }
}`,
    variables: { search: 'turkiye' },
  },
  {
    name: 'PathFidanToPutin',
    description: 'The shortest connection between two actors, as nodes in order and the edges between them.',
    query: `query PathFidanToPutin($fromId: ID!, $toId: ID!) {
  path(fromId: $fromId, toId: $toId) {
    length
    nodes { id kind name }
    edges { type from to properties }
  }
}`,
    variables: { fromId: 'person:hakan-fidan', toId: 'person:vladimir-putin' },
  },
  {
    name: 'SubgraphOfTalks',
    description: 'Everything one step from the Istanbul talks of 16 May 2025, with the quotes behind each edge.',
    query: `query SubgraphOfTalks($seedIds: [ID!]!, $depth: Int!) {
  subgraph(seedIds: $seedIds, depth: $depth) {
    nodeCount
    edgeCount
    truncated
    nodes { id kind name }
    edges {
      type
      from
      to
      properties
      evidence { quote }
    }
  }
}`,
    variables: { seedIds: [ISTANBUL_TALKS], depth: 1 },
  },
  {
    name: 'WhoSaysSo',
    description:
      'Which source says how long the talks lasted, in which words; and which of the meeting’s properties its sources disagree on.',
    query: `query WhoSaysSo($id: ID!) {
  meeting(id: $id) {
    name
    durationMinutes
    durationApproximate
    disputed
    claims(property: "durationMinutes") {
      value
      source { title publisher }
      evidence { quote offset }
    }
  }
}`,
    variables: { id: ISTANBUL_TALKS },
  },
  {
    name: 'ExportGraphML',
    description: 'The same subgraph as a GraphML file for Cytoscape, yEd or networkx (GET /export downloads it).',
    query: `query ExportGraphML($seedIds: [ID!]!, $depth: Int!) {
  exportSubgraph(seedIds: $seedIds, depth: $depth, format: GRAPHML) {
    format
    mediaType
    filename
    nodeCount
    edgeCount
    downloadPath
    content
  }
}`,
    variables: { seedIds: [ISTANBUL_TALKS], depth: 1 },
  },
  {
    name: 'About',
    description: 'This server, the Neo4j behind it and the size of the graph.',
    query: `query About {
  about {
    version
    neo4jVersion
    neo4jEdition
    database
    nodeCount
    relationshipCount
  }
}`,
    variables: {},
  },
];
