import TestSupport

/// The shared paths of the test inputs (`TestSupport.Fixtures`), under the name every test here uses.
typealias Fixtures = TestSupport.Fixtures
