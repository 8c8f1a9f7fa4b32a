import Roles

/// The built-in roles, loaded once for the whole test run.
enum SharedCatalog {
    // A failure to load is reported by RubricTests with its file and line; here it would only hide that.
    static let builtIn: RoleCatalog = try! RoleCatalog.builtIn()
}
