package org.incrowd.demo;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Registration;

/**
 * Invents the demo crowd: people from many countries, org units and job roles, mostly employees and some clients,
 * partners, academics and family members. Deterministic for a given {@link Random}.
 */
final class DemoPeople {

    static final String DOMAIN = "demo.incrowd.example";

    /** A country, how much of the crowd comes from it, and a few common names there. */
    private record Country(String code, int weight, String language, List<String> firstNames, List<String> lastNames) {
    }

    private record Unit(String name, int weight, List<String> jobRoles) {
    }

    private static final List<Country> COUNTRIES = List.of(
            new Country("DE", 14, "de", List.of("Anna", "Lukas", "Marie", "Jonas", "Lena", "Felix"),
                    List.of("Müller", "Schmidt", "Weber", "Fischer", "Becker")),
            new Country("AT", 3, "de", List.of("Katharina", "Maximilian", "Sophie"), List.of("Gruber", "Huber")),
            new Country("FR", 6, "en", List.of("Camille", "Louis", "Chloé", "Hugo", "Léa"),
                    List.of("Martin", "Bernard", "Dubois", "Moreau")),
            new Country("GB", 6, "en", List.of("Oliver", "Amelia", "Harry", "Isla"),
                    List.of("Smith", "Jones", "Taylor", "Brown")),
            new Country("US", 8, "en", List.of("Emma", "Liam", "Olivia", "Noah", "Ava"),
                    List.of("Johnson", "Williams", "Garcia", "Miller")),
            new Country("IN", 8, "en", List.of("Aarav", "Priya", "Rohan", "Ananya", "Vikram"),
                    List.of("Sharma", "Patel", "Iyer", "Reddy")),
            new Country("BR", 5, "en", List.of("Lucas", "Beatriz", "Gabriel", "Mariana"),
                    List.of("Silva", "Santos", "Oliveira", "Souza")),
            new Country("JP", 4, "en", List.of("Haruto", "Yui", "Sota", "Hina"),
                    List.of("Sato", "Suzuki", "Takahashi", "Tanaka")),
            new Country("NG", 4, "en", List.of("Chinedu", "Ngozi", "Emeka", "Aisha"),
                    List.of("Okafor", "Adeyemi", "Balogun", "Eze")),
            new Country("MX", 4, "en", List.of("Sofía", "Diego", "Valentina", "Mateo"),
                    List.of("Hernández", "López", "Martínez", "Ramírez")),
            new Country("PL", 4, "en", List.of("Zofia", "Jakub", "Julia", "Kacper"),
                    List.of("Nowak", "Kowalski", "Wiśniewski", "Wójcik")),
            new Country("ES", 4, "en", List.of("Lucía", "Pablo", "Martina", "Álvaro"),
                    List.of("García", "Fernández", "González", "Rodríguez")),
            new Country("IT", 4, "en", List.of("Giulia", "Marco", "Francesca", "Luca"),
                    List.of("Rossi", "Russo", "Ferrari", "Esposito")),
            new Country("SE", 3, "en", List.of("Elsa", "Erik", "Maja", "Oskar"),
                    List.of("Andersson", "Johansson", "Karlsson", "Nilsson")),
            new Country("KE", 3, "en", List.of("Wanjiru", "Otieno", "Akinyi", "Kiprono"),
                    List.of("Mwangi", "Odhiambo", "Kamau", "Wambui")),
            new Country("CN", 4, "en", List.of("Wei", "Na", "Hao", "Mei"), List.of("Wang", "Zhang", "Liu", "Chen")),
            new Country("ZA", 3, "en", List.of("Thabo", "Lerato", "Sipho", "Naledi"),
                    List.of("Nkosi", "Dlamini", "van der Merwe", "Botha")),
            new Country("CA", 3, "en", List.of("Chloe", "Ethan", "Maya", "Owen"),
                    List.of("Tremblay", "Roy", "Gagnon", "MacDonald")),
            new Country("NL", 3, "en", List.of("Sanne", "Daan", "Fleur", "Bram"),
                    List.of("de Jong", "Jansen", "de Vries", "Bakker")),
            new Country("AU", 3, "en", List.of("Charlotte", "Jack", "Mia", "Lachlan"),
                    List.of("Wilson", "Nguyen", "Thompson", "White")));

    private static final List<Unit> UNITS = List.of(
            new Unit("Service", 6, List.of("service engineer", "field technician", "service desk agent")),
            new Unit("Logistics", 5, List.of("driver", "warehouse operator", "dispatcher")),
            new Unit("Finance", 3, List.of("analyst", "accountant", "controller")),
            new Unit("Research", 4, List.of("researcher", "lab technician", "data scientist")),
            new Unit("Sales", 4, List.of("account manager", "sales representative")),
            new Unit("Reception", 2, List.of("receptionist", "front desk lead")),
            new Unit("Manufacturing", 6, List.of("machine operator", "quality inspector", "shift supervisor")),
            new Unit("HR", 3, List.of("HR business partner", "recruiter", "trainer")),
            new Unit("Occupational Health", 2, List.of("nurse", "physiotherapist")),
            new Unit("IT", 3, List.of("software developer", "system administrator")));

    private DemoPeople() {
    }

    /** {@code count} demo people; every tenth employee is a manager. */
    static List<Registration> invent(int count, Random random) {
        var people = new ArrayList<Registration>(count);
        var emails = new HashSet<String>();
        for (int i = 0; i < count; i++) {
            var country = pick(COUNTRIES, COUNTRIES.stream().mapToInt(Country::weight).toArray(), random);
            String first = country.firstNames().get(random.nextInt(country.firstNames().size()));
            String last = country.lastNames().get(random.nextInt(country.lastNames().size()));
            var type = participantType(random);
            String orgUnit = null;
            String jobRole;
            if (type == ParticipantType.EMPLOYEE) {
                var unit = pick(UNITS, UNITS.stream().mapToInt(Unit::weight).toArray(), random);
                orgUnit = unit.name();
                jobRole = random.nextInt(10) == 0 ? "manager"
                        : unit.jobRoles().get(random.nextInt(unit.jobRoles().size()));
            } else {
                jobRole = externalRole(type, random);
            }
            String email = uniqueEmail(first, last, emails);
            people.add(new Registration(email, null, first + " " + last, country.code(), orgUnit, jobRole, type,
                    country.language()));
        }
        return people;
    }

    /** Mostly employees; the Jam's audience also takes clients, partners, academics and family members. */
    private static ParticipantType participantType(Random random) {
        int roll = random.nextInt(100);
        if (roll < 74) {
            return ParticipantType.EMPLOYEE;
        } else if (roll < 84) {
            return ParticipantType.CLIENT;
        } else if (roll < 91) {
            return ParticipantType.PARTNER;
        } else if (roll < 96) {
            return ParticipantType.ACADEMIC;
        }
        return ParticipantType.FAMILY_MEMBER;
    }

    private static String externalRole(ParticipantType type, Random random) {
        List<String> roles = switch (type) {
            case CLIENT -> List.of("buyer", "operations lead", "facility manager");
            case PARTNER -> List.of("supplier account manager", "logistics partner", "consultant");
            case ACADEMIC -> List.of("professor", "postdoctoral researcher", "PhD student");
            default -> List.of("student", "retired teacher", "nurse");
        };
        return roles.get(random.nextInt(roles.size()));
    }

    private static String uniqueEmail(String first, String last, Set<String> taken) {
        String base = slug(first) + "." + slug(last);
        String email = base + "@" + DOMAIN;
        for (int n = 2; !taken.add(email); n++) {
            email = base + n + "@" + DOMAIN;
        }
        return email;
    }

    /** "Wiśniewski" → "wisniewski", "van der Merwe" → "vandermerwe". */
    static String slug(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
    }

    private static <T> T pick(List<T> items, int[] weights, Random random) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < items.size(); i++) {
            roll -= weights[i];
            if (roll < 0) {
                return items.get(i);
            }
        }
        return items.getLast();
    }
}
