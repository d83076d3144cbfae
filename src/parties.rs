//! Parties: the employer and the employee a contract names, for addressing the letter.
//!
//! Read from the opening ("Mellom Fjordnett Digital AS, …, (heretter «Arbeidsgiver») og Kari
//! Nordmann, …", "between Polar Analytics AS, … (the "Company") and John Smith, …"), else from
//! the signature block ("For Fjordnett Digital AS: …", "Arbeidstaker: Kari Nordmann"). A name
//! that is not found stays unknown: the letter then shows a placeholder, never a guess.

use std::sync::LazyLock;

use regex::Regex;

/// The parties a contract names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parties {
    /// The employer (a company or person), when named.
    pub employer: Option<String>,
    /// The employee, when named.
    pub employee: Option<String>,
}

/// "Mellom A, … (role) og B, …": A, the role A is given, B.
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:mellom|between)\s+([^,(]+?)\s*(?:,[^(]*)?\(([^)]*)\)\s*(?:og|and)\s+([^,(]+?)\s*[,(]")
        .expect("valid regex")
});

/// "For Fjordnett Digital AS: Ola Hansen".
static FOR_EMPLOYER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:for|on behalf of|på vegne av)\s+([^:]{2,80}?)\s*:").expect("valid regex"));

/// "Arbeidstaker: Kari Nordmann".
static EMPLOYEE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:arbeidstak\w*|employee)\s*:\s*([^,:]{3,80}?)\s*(?:,|$)").expect("valid regex")
});

/// The employer and employee named in `paragraphs` (a contract's text in order).
pub fn parties<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> Parties {
    let mut found = Parties::default();
    let named = |s: &str| {
        let s = s.trim();
        s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()).then(|| s.to_string())
    };
    let role_word = |s: &str| {
        let lower = s.to_lowercase();
        ["arbeidsgiv", "arbeidsgjev", "employer", "arbeidstak", "employee", "selskap", "company"]
            .iter()
            .any(|w| lower.contains(w))
    };
    for p in paragraphs {
        if found.employer.is_none() && found.employee.is_none() {
            if let Some(c) = OPENING.captures(p) {
                let (first, role, second) = (named(&c[1]), c[2].to_lowercase(), named(&c[3]));
                let employee_first = role.contains("arbeidstak") || role.contains("employee");
                (found.employer, found.employee) = if employee_first { (second, first) } else { (first, second) };
                continue;
            }
        }
        if found.employer.is_none() {
            found.employer = FOR_EMPLOYER.captures(p).and_then(|c| named(&c[1])).filter(|n| !role_word(n));
        }
        if found.employee.is_none() {
            found.employee = EMPLOYEE_LINE.captures(p).and_then(|c| named(&c[1])).filter(|n| !role_word(n));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> (Option<String>, Option<String>) {
        let p = parties(text.split('\n'));
        (p.employer, p.employee)
    }

    fn both(employer: &str, employee: &str) -> (Option<String>, Option<String>) {
        (Some(employer.into()), Some(employee.into()))
    }

    #[test]
    fn reads_the_opening() {
        assert_eq!(
            of("Mellom Fjordnett Digital AS, org.nr. 925 774 310, Kongens gate 20, 7011 Trondheim (heretter «Arbeidsgiver») og Kari Nordmann, Lerkendalsveien 8, 7031 Trondheim (heretter «Arbeidstaker») er det inngått følgende arbeidsavtale."),
            both("Fjordnett Digital AS", "Kari Nordmann")
        );
        assert_eq!(
            of("Mellom Sunnfjord Energi AS, org.nr. 912 330 861, Fjellvegen 4, 6800 Førde («arbeidsgivaren») og Sigrid Nesse, Hafstadvegen 12, 6800 Førde («arbeidstakaren») er det gjort slik arbeidsavtale."),
            both("Sunnfjord Energi AS", "Sigrid Nesse")
        );
        assert_eq!(
            of("This contract is made between Polar Analytics AS, reg. no. 923 118 447, Strandgata 5, 9008 Tromsø (the \"Company\") and John Smith, Sjøgata 21, 9008 Tromsø (the \"Employee\")."),
            both("Polar Analytics AS", "John Smith")
        );
        assert_eq!(
            of("Mellom Per Olsen (arbeidstaker) og Byggmester Hansen AS (arbeidsgiver) er det avtalt:"),
            both("Byggmester Hansen AS", "Per Olsen"),
            "the employee named first"
        );
    }

    #[test]
    fn reads_the_signature_block() {
        assert_eq!(
            of("Arbeidsavtale\nFor Nordlys Hotell AS: Eva Lie, hotellsjef\nArbeidstaker: Ali Khan"),
            both("Nordlys Hotell AS", "Ali Khan")
        );
        assert_eq!(of("For arbeidsgiver: Ola Hansen\nArbeidstaker: ______"), (None, None), "a label is no name");
        assert_eq!(of("Det er inngått en avtale mellom partene."), (None, None));
    }
}
