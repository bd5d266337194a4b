//! HTML entities as kramdown knows them: lookup by name or code point.

use super::element::{Entity, Symbol};
use super::entity_table::{ALIASES, BY_CODE_POINT, CODE_POINTS, NAMES};

/// The entity called `name` (`&name;`), if kramdown knows it.
pub fn by_name(name: &str) -> Option<Entity> {
    let i = NAMES.find(name)?;
    Some(Entity { code_point: u32::from(CODE_POINTS[i]), name: Some(NAMES.get(i)) })
}

/// The entity for a code point: named where kramdown has a name for it (Windows-1252 code
/// points 128-159 stand for the characters they meant), unnamed otherwise.
pub fn by_code_point(code_point: u32) -> Entity {
    let code_point = match ALIASES.binary_search_by_key(&code_point, |&(from, _)| from) {
        Ok(i) => ALIASES[i].1,
        Err(_) => code_point,
    };
    let name = BY_CODE_POINT
        .binary_search_by_key(&code_point, |&i| u32::from(CODE_POINTS[usize::from(i)]))
        .ok()
        .map(|at| NAMES.get(usize::from(BY_CODE_POINT[at])));
    Entity { code_point, name }
}

/// `&nbsp;`, which the spaced guillemets add.
pub const NBSP: Entity = Entity { code_point: 160, name: Some("nbsp") };

impl Symbol {
    /// The entity of the symbol's name, for the symbols named after one (not the spaced
    /// guillemets): what `by_name(self.name())` finds, without searching the table for
    /// every quote and dash of the text.
    pub fn entity(self) -> Option<Entity> {
        let code_point = match self {
            Symbol::Mdash => 8212,
            Symbol::Ndash => 8211,
            Symbol::Hellip => 8230,
            Symbol::Laquo => 171,
            Symbol::Raquo => 187,
            Symbol::Lsquo => 8216,
            Symbol::Rsquo => 8217,
            Symbol::Ldquo => 8220,
            Symbol::Rdquo => 8221,
            Symbol::LaquoSpace | Symbol::RaquoSpace => return None,
        };
        Some(Entity { code_point, name: Some(self.name()) })
    }
}

impl Entity {
    /// The character, when the code point is one.
    pub fn char(self) -> Option<char> {
        char::from_u32(self.code_point)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_code_points_find_the_same_entity() {
        assert_eq!(by_name("nbsp"), Some(Entity { code_point: 160, name: Some("nbsp") }));
        assert_eq!(by_code_point(160).name, Some("nbsp"));
        assert_eq!(by_name("nosuch"), None);
    }

    #[test]
    fn every_name_finds_its_entity_and_its_code_point_finds_a_name_for_it() {
        for (i, code_point) in CODE_POINTS.iter().enumerate() {
            let entity = by_name(NAMES.get(i)).expect("a name of the table");
            assert_eq!(entity.code_point, u32::from(*code_point));
            let named = by_code_point(entity.code_point).name.expect("a named code point");
            assert_eq!(by_name(named).map(|e| e.code_point), Some(entity.code_point), "{named}");
        }
    }

    #[test]
    fn symbols_named_after_an_entity_are_that_entity_of_the_table() {
        use Symbol::*;
        for symbol in [Mdash, Ndash, Hellip, LaquoSpace, RaquoSpace, Laquo, Raquo, Lsquo, Rsquo, Ldquo, Rdquo] {
            assert_eq!(symbol.entity(), by_name(symbol.name()), "{}", symbol.name());
        }
        assert_eq!(Some(NBSP), by_name("nbsp"));
    }

    #[test]
    fn windows_1252_code_points_mean_their_characters() {
        assert_eq!(by_code_point(128), Entity { code_point: 8364, name: Some("euro") });
        assert_eq!(by_code_point(0x1F600), Entity { code_point: 0x1F600, name: None });
    }
}
