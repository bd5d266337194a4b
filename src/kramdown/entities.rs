//! HTML entities as kramdown knows them: lookup by name or code point.

use super::element::Entity;
use super::entity_table::{ALIASES, BY_CODE_POINT, BY_NAME};

/// The entity called `name` (`&name;`), if kramdown knows it.
pub fn by_name(name: &str) -> Option<Entity> {
    let i = BY_NAME.binary_search_by(|(n, _)| n.cmp(&name)).ok()?;
    let code_point = BY_NAME[i].1;
    Some(Entity { code_point, name: Some(BY_NAME[i].0) })
}

/// The entity for a code point: named where kramdown has a name for it (Windows-1252 code
/// points 128-159 stand for the characters they meant), unnamed otherwise.
pub fn by_code_point(code_point: u32) -> Entity {
    let code_point = match ALIASES.binary_search_by_key(&code_point, |&(from, _)| from) {
        Ok(i) => ALIASES[i].1,
        Err(_) => code_point,
    };
    let name = BY_CODE_POINT.binary_search_by_key(&code_point, |&(cp, _)| cp).ok().map(|i| BY_CODE_POINT[i].1);
    Entity { code_point, name }
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
    fn windows_1252_code_points_mean_their_characters() {
        assert_eq!(by_code_point(128), Entity { code_point: 8364, name: Some("euro") });
        assert_eq!(by_code_point(0x1F600), Entity { code_point: 0x1F600, name: None });
    }
}
