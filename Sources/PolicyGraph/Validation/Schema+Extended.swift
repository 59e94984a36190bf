extension Schema {
    /// This schema extended by a `schema.json` document (the format is described at
    /// `Schema.parsingExtension(_:file:)`): new kinds and relations are added; endpoints given
    /// for an existing relation are added to the ones it has.
    ///
    /// - Throws: ``LoadFailure`` listing every problem of the file, each at the line of the name it concerns.
    public func extended(with json: [UInt8], file: String) throws(LoadFailure) -> Schema {
        do {
            return try parsingExtension(json, file: file)
        } catch {
            throw LoadFailure(errors: error.errors, issues: [])
        }
    }
}
