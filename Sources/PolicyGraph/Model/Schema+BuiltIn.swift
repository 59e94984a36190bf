extension Schema {
    /// The kinds that take positions: they may support, oppose, lead, belong and take part.
    static let builtInActors: [Kind] = [.country, .official, .agency, .organization, .person, .delegation]
    /// The things positions are about.
    static let builtInStanceTargets: [Kind] = [.framework, .risk, .topic, .technology]

    /// The policy-domain schema every graph starts from.
    public static let builtIn: Schema = {
        let actors = builtInActors
        func kind(_ k: Kind, _ description: String, actor: Bool = false) -> KindRule {
            KindRule(kind: k, description: description, isActor: actor)
        }
        func relation(_ r: Relation, _ description: String, polarity: Int = 0, _ endpoints: [Endpoints]) -> RelationRule {
            RelationRule(relation: r, description: description, polarity: polarity, endpoints: endpoints)
        }
        let kinds = [
            kind(.country, "A state.", actor: true),
            kind(.official, "A holder of a government office.", actor: true),
            kind(.agency, "A government body: ministry, department, council, legislature.", actor: true),
            kind(.organization, "A non-government body: think tank, company, university, news outlet, international organisation.", actor: true),
            kind(.person, "A person outside government: expert, commentator.", actor: true),
            kind(.delegation, "A team sent by a government to a meeting.", actor: true),
            kind(.risk, "A risk that policies address."),
            kind(.framework, "A consensus, initiative, resolution, declaration, law, bill, export control or norm."),
            kind(.event, "A meeting, summit, dialogue or other dated happening."),
            kind(.topic, "An issue area or a governance goal."),
            kind(.technology, "A technology, product or service."),
            kind(.place, "A city, venue or region."),
        ]
        let relations = [
            relation(.supports, "Takes a supporting position on.", polarity: 1,
                     [Endpoints(from: actors, to: builtInStanceTargets)]),
            relation(.opposes, "Takes an opposing position on.", polarity: -1,
                     [Endpoints(from: actors, to: builtInStanceTargets)]),
            relation(.leads, "Heads (a delegation, an agency, an organisation).",
                     [Endpoints(from: [.official, .agency, .country], to: [.agency, .organization, .delegation])]),
            // Any actor may have members: agencies, officials, persons and countries join an
            // organization such as the EU, countries join alliances, officials join delegations.
            relation(.memberOf, "Belongs to.", [Endpoints(from: actors, to: actors)]),
            relation(.participatesIn, "Takes part in.", [Endpoints(from: actors, to: [.event, .delegation])]),
            relation(.references, "Builds on or cites.",
                     [Endpoints(from: [.framework, .event], to: [.framework, .event])]),
            relation(.concernedAbout, "Is concerned about.",
                     [Endpoints(from: actors, to: [.risk, .topic, .technology])]),
            relation(.proposes, "Put forward.", [Endpoints(from: actors, to: [.framework])]),
            relation(.produces, "Gave rise to.", [Endpoints(from: [.event], to: [.framework])]),
            relation(.heldIn, "Took place in.", [Endpoints(from: [.event], to: [.place])]),
            relation(.locatedIn, "Lies or sits in.",
                     [Endpoints(from: [.place, .organization, .agency], to: [.place, .country])]),
            relation(.targets, "Is aimed at.",
                     [Endpoints(from: [.framework], to: [.country, .organization, .technology, .person])]),
            relation(.empowers, "Gives powers to.", [Endpoints(from: [.framework], to: [.agency, .official])]),
            relation(.amends, "Changes.", [Endpoints(from: [.framework], to: [.framework])]),
            relation(.precedes, "Came before and led to.", [Endpoints(from: [.event], to: [.event])]),
            relation(.commentsOn, "Commented on.",
                     [Endpoints(from: actors, to: [.event, .framework, .topic, .risk])]),
            relation(.addresses, "Deals with.",
                     [Endpoints(from: [.event, .framework], to: [.risk, .topic, .technology])]),
            relation(.partOf, "Is a narrower case or a part of (a broader topic, risk, framework or technology).",
                     [Endpoints(from: builtInStanceTargets, to: builtInStanceTargets)]),
        ]
        return Schema(kinds: kinds, relations: relations)
    }()
}
