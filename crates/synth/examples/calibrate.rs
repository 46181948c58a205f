use std::collections::BTreeMap;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let mut docs = 0; let mut cits = 0; let mut bytes = 0;
    let mut kind: BTreeMap<String, usize> = BTreeMap::new();
    let mut sect: BTreeMap<String, usize> = BTreeMap::new();
    let mut rel: BTreeMap<String, usize> = BTreeMap::new();
    let mut age: BTreeMap<i32, usize> = BTreeMap::new();
    let mut dated = 0;
    let mut per_doc = vec![];
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let t = std::fs::read_to_string(&p).unwrap();
        bytes += t.len();
        let d = resgraph_extract::extract(&t, &resgraph_extract::Hint::from_path(p.to_str().unwrap()));
        docs += 1; cits += d.citations.len(); per_doc.push(d.citations.len());
        let own = d.session.unwrap_or(0) as i32;
        for c in &d.citations {
            *kind.entry(c.kind.clone()).or_default() += 1;
            *sect.entry(c.section.to_string()).or_default() += 1;
            *rel.entry(c.relation.clone()).or_default() += 1;
            if c.cited_date.is_some() { dated += 1; }
            if let Some(y) = c.target.approximate_year() { if c.kind == "ga-resolution" { let a = (own + 1945 - y as i32).clamp(-1, 80); let b = if a <= 5 { a } else if a <= 10 { 10 } else if a<=20 {20} else if a<=40 {40} else {80}; *age.entry(b).or_default() += 1; } }
        }
    }
    per_doc.sort();
    println!("docs {docs} bytes/doc {} cits/doc {:.1} median {} p90 {} dated {:.2}", bytes/docs, cits as f64/docs as f64, per_doc[docs/2], per_doc[docs*9/10], dated as f64/cits as f64);
    println!("{kind:?}\n{sect:?}\nage {age:?}");
    let mut r: Vec<_> = rel.into_iter().collect(); r.sort_by_key(|x| std::cmp::Reverse(x.1));
    println!("{:?}", &r[..30]);
}
