//! Exports: GraphML, CSV, JSON node-link.
//!
//! Nodes are written chronologically and edges by citing then cited
//! document (the order of [`CitationGraph::nodes`] and
//! [`CitationGraph::edges`]), so that the same graph always exports to
//! the same bytes.

use std::io::{self, BufWriter, Write};

use serde::Serialize;

use crate::graph::{CitationGraph, EdgeRef};
use crate::model::NodeInfo;

pub use resgraph_io::{csv_field, xml_escape};

fn csv_row<W: Write>(w: &mut W, fields: &[&str]) -> io::Result<()> {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        w.write_all(csv_field(f).as_bytes())?;
    }
    w.write_all(b"\r\n")
}

fn node_organ(info: &NodeInfo) -> String {
    info.organ
        .clone()
        .unwrap_or_else(|| info.symbol.organ().name().to_string())
}

#[derive(Serialize)]
struct JsonNode<'a> {
    id: String,
    label: String,
    kind: &'static str,
    organ: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    read: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonOccurrence<'a> {
    relation: &'a str,
    section: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraph: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cited_date: Option<String>,
}

#[derive(Serialize)]
struct JsonLink<'a> {
    source: String,
    target: String,
    weight: usize,
    relations: Vec<&'a str>,
    sections: Vec<&'static str>,
    occurrences: Vec<JsonOccurrence<'a>>,
}

fn json_err(e: serde_json::Error) -> io::Error {
    io::Error::other(e)
}

impl CitationGraph {
    /// Writes the graph as GraphML (read by Gephi, networkx
    /// `read_graphml`, igraph): a directed graph whose node ids are the
    /// canonical symbols, with node attributes `label` ([`Symbol::label`](resgraph_symbol::Symbol::label): `76/19`, `dec. 77/512`, `HRC 20/8`),
    /// `title`, `date`, `kind`, `organ`, `read`, and edge attributes
    /// `weight` (occurrence count), `relations` and `sections` (sorted,
    /// `;`-separated). Unknown values are left out.
    ///
    /// # Errors
    ///
    /// Any error of `w`.
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, Occurrence, Section};
    /// let mut g = CitationGraph::new();
    /// g.add_link(&"A/RES/76/19".parse().unwrap(), &"A/RES/43/78 H".parse().unwrap(),
    ///            &Occurrence::new("recalling", Section::Preamble, Some(1), None));
    /// let mut out = Vec::new();
    /// g.write_graphml(&mut out).unwrap();
    /// let xml = String::from_utf8(out).unwrap();
    /// assert!(xml.contains(r#"<edge source="A/RES/76/19" target="A/RES/43/78 H">"#));
    /// assert!(xml.contains(r#"<data key="weight">1</data>"#));
    /// ```
    pub fn write_graphml<W: Write>(&self, w: W) -> io::Result<()> {
        let mut w = BufWriter::new(w);
        w.write_all(
            br#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="title" for="node" attr.name="title" attr.type="string"/>
  <key id="date" for="node" attr.name="date" attr.type="string"/>
  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="organ" for="node" attr.name="organ" attr.type="string"/>
  <key id="read" for="node" attr.name="read" attr.type="boolean"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>
  <key id="relations" for="edge" attr.name="relations" attr.type="string"/>
  <key id="sections" for="edge" attr.name="sections" attr.type="string"/>
  <graph id="citations" edgedefault="directed">
"#,
        )?;
        for info in self.nodes() {
            writeln!(
                w,
                "    <node id=\"{}\">",
                xml_escape(&info.symbol.to_string())
            )?;
            let mut data = |key: &str, value: &str| {
                writeln!(w, "      <data key=\"{key}\">{}</data>", xml_escape(value))
            };
            data("label", &info.symbol.label())?;
            if let Some(t) = &info.title {
                data("title", t)?;
            }
            if let Some(d) = info.date {
                data("date", &d.to_string())?;
            }
            data("kind", info.kind().as_str())?;
            data("organ", &node_organ(info))?;
            data("read", if info.read { "true" } else { "false" })?;
            writeln!(w, "    </node>")?;
        }
        for e in self.edges() {
            writeln!(
                w,
                "    <edge source=\"{}\" target=\"{}\">",
                xml_escape(&e.from().to_string()),
                xml_escape(&e.to().to_string())
            )?;
            writeln!(w, "      <data key=\"weight\">{}</data>", e.weight())?;
            writeln!(
                w,
                "      <data key=\"relations\">{}</data>",
                xml_escape(&e.relations().join(";"))
            )?;
            let sections: Vec<&str> = e.sections().iter().map(|s| s.as_str()).collect();
            writeln!(
                w,
                "      <data key=\"sections\">{}</data>",
                sections.join(";")
            )?;
            writeln!(w, "    </edge>")?;
        }
        w.write_all(b"  </graph>\n</graphml>\n")?;
        w.flush()
    }

    /// Writes the nodes as CSV (RFC 4180, CRLF line ends, header row
    /// `id,label,kind,organ,title,date,read,source,cited_by,cites`), for
    /// pandas or a Neo4j `LOAD CSV WITH HEADERS`. Unknown values are
    /// empty.
    ///
    /// # Errors
    ///
    /// Any error of `w`.
    ///
    /// ```
    /// use resgraph_graph::CitationGraph;
    /// let mut g = CitationGraph::new();
    /// g.add_node(&"A/RES/76/19".parse().unwrap());
    /// let mut out = Vec::new();
    /// g.write_csv_nodes(&mut out).unwrap();
    /// let csv = String::from_utf8(out).unwrap();
    /// assert_eq!(csv.lines().nth(1).unwrap(), "A/RES/76/19,76/19,ga-resolution,General Assembly,,,false,,0,0");
    /// ```
    pub fn write_csv_nodes<W: Write>(&self, w: W) -> io::Result<()> {
        let mut w = BufWriter::new(w);
        csv_row(
            &mut w,
            &[
                "id", "label", "kind", "organ", "title", "date", "read", "source", "cited_by",
                "cites",
            ],
        )?;
        let csr = self.csr();
        for info in self.nodes() {
            let n = self.idx(&info.symbol).unwrap_or(u32::MAX);
            let cited_by = csr.degree(n, petgraph::Direction::Incoming).to_string();
            let cites = csr.degree(n, petgraph::Direction::Outgoing).to_string();
            csv_row(
                &mut w,
                &[
                    &info.symbol.to_string(),
                    &info.symbol.label(),
                    info.kind().as_str(),
                    &node_organ(info),
                    info.title.as_deref().unwrap_or(""),
                    &info.date.map(|d| d.to_string()).unwrap_or_default(),
                    if info.read { "true" } else { "false" },
                    info.source.as_deref().unwrap_or(""),
                    &cited_by,
                    &cites,
                ],
            )?;
        }
        w.flush()
    }

    /// Writes the edges as CSV (header `source,target,weight,relations,sections`;
    /// relations and sections sorted and `;`-separated).
    ///
    /// # Errors
    ///
    /// Any error of `w`.
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, Occurrence, Section};
    /// let mut g = CitationGraph::new();
    /// let (a, b) = ("A/C.1/77/L.73".parse().unwrap(), "A/RES/76/19".parse().unwrap());
    /// g.add_link(&a, &b, &Occurrence::new("recalling", Section::Preamble, Some(1), None));
    /// g.add_link(&a, &b, &Occurrence::new("welcomes", Section::Operative, Some(1), None));
    /// let mut out = Vec::new();
    /// g.write_csv_edges(&mut out).unwrap();
    /// assert_eq!(String::from_utf8(out).unwrap(),
    ///     "source,target,weight,relations,sections\r\nA/C.1/77/L.73,A/RES/76/19,2,recalling;welcomes,preamble;operative\r\n");
    /// ```
    pub fn write_csv_edges<W: Write>(&self, w: W) -> io::Result<()> {
        let mut w = BufWriter::new(w);
        csv_row(
            &mut w,
            &["source", "target", "weight", "relations", "sections"],
        )?;
        for e in self.edges() {
            let sections: Vec<&str> = e.sections().iter().map(|s| s.as_str()).collect();
            csv_row(
                &mut w,
                &[
                    &e.from().to_string(),
                    &e.to().to_string(),
                    &e.weight().to_string(),
                    &e.relations().join(";"),
                    &sections.join(";"),
                ],
            )?;
        }
        w.flush()
    }

    /// Writes every occurrence as CSV, one row each (header
    /// `source,target,relation,section,paragraph,cited_date`).
    ///
    /// # Errors
    ///
    /// Any error of `w`.
    pub fn write_csv_occurrences<W: Write>(&self, w: W) -> io::Result<()> {
        let mut w = BufWriter::new(w);
        csv_row(
            &mut w,
            &[
                "source",
                "target",
                "relation",
                "section",
                "paragraph",
                "cited_date",
            ],
        )?;
        for e in self.edges() {
            let (from, to) = (e.from().to_string(), e.to().to_string());
            for o in e.occurrences() {
                csv_row(
                    &mut w,
                    &[
                        &from,
                        &to,
                        o.relation.verb(),
                        o.section.as_str(),
                        &o.paragraph.map(|p| p.to_string()).unwrap_or_default(),
                        &o.cited_date.map(|d| d.to_string()).unwrap_or_default(),
                    ],
                )?;
            }
        }
        w.flush()
    }

    /// Writes the graph as JSON in the node-link form of networkx 3
    /// (`networkx.node_link_graph(data)` with its default arguments):
    /// `{"schema_version": 1, "directed": true, "multigraph": false,
    /// "graph": {}, "nodes": [{"id": ...}], "edges": [{"source": ...,
    /// "target": ...}]}` (`schema_version` is the JSON contract's,
    /// [`resgraph_extract::SCHEMA_VERSION`]; networkx ignores it). Nodes
    /// carry `label`, `kind`, `organ`, `read` and, when known, `title`,
    /// `date`, `source`; edges carry `weight`, `relations`, `sections`
    /// and the `occurrences`. (networkx before 3.4 and d3 call the edges
    /// `links`: `node_link_graph(data, link="edges")` there.)
    ///
    /// # Errors
    ///
    /// Any error of `w` (a serialisation error is returned as an
    /// `io::Error` of kind `Other`).
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, Occurrence, Section};
    /// let mut g = CitationGraph::new();
    /// g.add_link(&"A/RES/76/19".parse().unwrap(), &"A/RES/75/240".parse().unwrap(),
    ///            &Occurrence::new("recalling", Section::Preamble, Some(1), None));
    /// let mut out = Vec::new();
    /// g.write_json_node_link(&mut out).unwrap();
    /// let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    /// assert_eq!(v["directed"], true);
    /// assert_eq!(v["nodes"].as_array().unwrap().len(), 2);
    /// assert_eq!(v["edges"][0]["source"], "A/RES/76/19");
    /// assert_eq!(v["schema_version"], resgraph_extract::SCHEMA_VERSION);
    /// ```
    pub fn write_json_node_link<W: Write>(&self, w: W) -> io::Result<()> {
        let mut w = BufWriter::new(w);
        write!(
            w,
            "{{\"schema_version\":{},\"directed\":true,\"multigraph\":false,\"graph\":{{}},\"nodes\":[",
            resgraph_extract::SCHEMA_VERSION
        )?;
        for (i, info) in self.nodes().enumerate() {
            if i > 0 {
                w.write_all(b",\n")?;
            } else {
                w.write_all(b"\n")?;
            }
            let node = JsonNode {
                id: info.symbol.to_string(),
                label: info.symbol.label(),
                kind: info.kind().as_str(),
                organ: node_organ(info),
                title: info.title.as_deref(),
                date: info.date.map(|d| d.to_string()),
                read: info.read,
                source: info.source.as_deref(),
            };
            serde_json::to_writer(&mut w, &node).map_err(json_err)?;
        }
        w.write_all(b"],\"edges\":[")?;
        for (i, e) in self.edges().enumerate() {
            if i > 0 {
                w.write_all(b",\n")?;
            } else {
                w.write_all(b"\n")?;
            }
            serde_json::to_writer(&mut w, &json_link(&e)).map_err(json_err)?;
        }
        w.write_all(b"]}\n")?;
        w.flush()
    }
}

fn json_link<'a>(e: &EdgeRef<'a>) -> JsonLink<'a> {
    JsonLink {
        source: e.from().to_string(),
        target: e.to().to_string(),
        weight: e.weight(),
        relations: e.relations(),
        sections: e.sections().iter().map(|s| s.as_str()).collect(),
        occurrences: e
            .occurrences()
            .into_iter()
            .map(|o| JsonOccurrence {
                relation: o.relation.verb(),
                section: o.section.as_str(),
                paragraph: o.paragraph,
                cited_date: o.cited_date.map(|d| d.to_string()),
            })
            .collect(),
    }
}
