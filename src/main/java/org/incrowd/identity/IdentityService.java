package org.incrowd.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.incrowd.identity.internal.AddressVerification;
import org.incrowd.identity.internal.PersonRepository;
import org.incrowd.identity.internal.SelfRegistration;
import org.incrowd.shared.AdministrativeAct;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and profiles: the identity module's public service. */
@Service
public class IdentityService {

    private final PersonRepository people;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final AddressVerification verification;
    private final SelfRegistration selfRegistration;

    /** RFC 2606 reserves .invalid: such an address can never receive mail nor be claimed through a provider. */
    private static final String IMPORTED_DOMAIN = "@imported.invalid";

    IdentityService(PersonRepository people, PasswordEncoder passwords, ApplicationEventPublisher events,
                    AddressVerification verification, SelfRegistration selfRegistration) {
        this.people = people;
        this.passwords = passwords;
        this.events = events;
        this.verification = verification;
        this.selfRegistration = selfRegistration;
    }

    /**
     * Creates an account with the participant role; refuses with every problem of the registration at once. Accounts
     * that an administrator, the setup or the demo content creates count as verified: whoever made them vouches for
     * the address. People who sign themselves up prove theirs ({@link #signUp}).
     */
    @Transactional
    public Person register(Registration registration) {
        return register(registration, EnumSet.of(Role.PARTICIPANT));
    }

    /** Creates an account with the given roles (first administrator, demo people, administrators' invitations). */
    @Transactional
    public Person register(Registration registration, Set<Role> roles) {
        String email = ProfileRules.normaliseEmail(registration.email());
        var errors = check(registration, email);
        if (!errors.has("email") && people.findByEmail(email).isPresent()) {
            errors.add("email", "signup.email.taken");
        }
        errors.throwIfAny();
        return registerChecked(registration, email, passwords.encode(registration.password()), roles, true);
    }

    /**
     * Someone signs themselves up. Refuses a registration with problems like {@link #register}, but never says that
     * the address has an account already, which would tell anyone who uses which address: then nothing changes,
     * {@link SignUpForExistingAddress} is published (so the owner can be told by mail), and the result is empty. Both
     * ways cost one password hash and send the address one mail (the owner is told they have an account; a new
     * account gets its verification link), so neither is answered faster nor recognisable by its mail. Only the
     * participant types the administrators offer for sign-up may be chosen.
     */
    @Transactional
    public Optional<Person> signUp(Registration registration) {
        String email = ProfileRules.normaliseEmail(registration.email());
        var errors = check(registration, email);
        if (!errors.has("participantType") && registration.participantType() != null
                && !selfRegistration.offers(registration.participantType())) {
            errors.add("participantType", "signup.participantType.notOffered");
        }
        errors.throwIfAny();
        String hash = passwords.encode(registration.password());
        var existing = people.findByEmail(email);
        if (existing.isPresent()) {
            events.publishEvent(new SignUpForExistingAddress(existing.get().id(), email));
            verification.tellOwnerOfExistingAccount(existing.get());
            return Optional.empty();
        }
        var person = registerChecked(registration, email, hash, EnumSet.of(Role.PARTICIPANT), false);
        verification.sendLink(person);
        return Optional.of(person);
    }

    /** The participant types people may choose when they sign up themselves. */
    public Set<ParticipantType> selfRegistrationTypes() {
        return selfRegistration.types();
    }

    /** Administrators choose the participant types offered at sign-up (at least one). */
    @Transactional
    public void offerAtSignUp(Actor actor, Set<ParticipantType> types) {
        selfRegistration.change(actor, types);
        events.publishEvent(new AdministrativeAct(actor.personId(), "settings.changed", "sign-up", null,
                Map.of("setting", "sign-up-types", "value", types.stream().map(Enum::name).sorted()
                        .collect(java.util.stream.Collectors.joining(" ")))));
    }

    private static FieldErrors check(Registration registration, String email) {
        var errors = ProfileRules.check(new ProfileChange(registration.displayName(), registration.country(),
                registration.orgUnit(), registration.jobRole(), registration.participantType(),
                registration.language()));
        ProfileRules.checkEmail(email, errors);
        PasswordPolicy.check(registration.password(), errors);
        return errors;
    }

    /**
     * The account of a person who signed in through the organisation's OpenID Connect provider, matched by e-mail
     * address; on their first such sign-in a new participant account (employee, no password) named after the
     * provider's {@code name}, else {@code preferred_username}, else the e-mail address's local part. Refuses an
     * address the provider explicitly reports as unverified, and a missing or malformed address. Where the provider
     * reports the address verified, so is the account.
     */
    @Transactional
    public Person findOrRegisterFromSingleSignOn(SingleSignOnClaims claims) {
        if (Boolean.FALSE.equals(claims.emailVerified())) {
            throw Refusal.forbidden("signin.sso.emailUnverified");
        }
        String email = ProfileRules.normaliseEmail(claims.email());
        var emailErrors = FieldErrors.none();
        ProfileRules.checkEmail(email, emailErrors);
        if (!emailErrors.isEmpty()) {
            throw Refusal.forbidden("signin.sso.emailMissing");
        }
        var existing = people.findByEmail(email);
        if (existing.isPresent()) {
            // Someone may have registered this address with a password without owning it: only a provider that
            // vouches for the address may take over such an account.
            if (people.hasPassword(existing.get().id()) && !Boolean.TRUE.equals(claims.emailVerified())) {
                throw Refusal.forbidden("signin.sso.emailUnverified");
            }
            if (Boolean.TRUE.equals(claims.emailVerified()) && !existing.get().verified()) {
                people.markVerified(existing.get().id(), email, java.time.Instant.now());
                return require(existing.get().id());
            }
            return existing.get();
        }
        var registration = new Registration(email, null,
                ProfileRules.nameFromProvider(claims.name(), claims.preferredUsername(), email), null, null, null,
                ParticipantType.EMPLOYEE, null);
        ProfileRules.check(new ProfileChange(registration.displayName(), null, null, null,
                registration.participantType(), null)).throwIfAny();
        return registerChecked(registration, email, null, EnumSet.of(Role.PARTICIPANT),
                Boolean.TRUE.equals(claims.emailVerified()));
    }

    /**
     * Creates an account whose password hash is already known; used to seed many demo people without hashing the
     * same password once per person. Verified, like every account made by {@link #register}.
     */
    @Transactional
    public Person registerWithHash(Registration registration, String passwordHash, Set<Role> roles) {
        return registerChecked(registration, ProfileRules.normaliseEmail(registration.email()), passwordHash, roles,
                true);
    }

    private Person registerChecked(Registration registration, String email, String passwordHash, Set<Role> roles,
                                   boolean verified) {
        long id = people.insert(email, passwordHash, ProfileRules.clean(registration.displayName()),
                ProfileRules.country(registration.country()), ProfileRules.clean(registration.orgUnit()),
                ProfileRules.clean(registration.jobRole()), registration.participantType(),
                ProfileRules.language(registration.language()), verified);
        people.setRoles(id, roles);
        events.publishEvent(new PersonRegistered(id, email));
        return people.findById(id).orElseThrow();
    }

    /**
     * The account of someone who just followed a link mailed to {@code email} (a help stream's customer confirming
     * their question): the link proves the address, so an existing account counts as verified from now on, and an
     * address without one gets a participant account of {@code type} with no password, named {@code displayName}
     * (else the address's local part). Such an account signs in only through links mailed to it.
     */
    @Transactional
    public Person confirmedByMail(String email, String displayName, ParticipantType type) {
        String normalised = ProfileRules.normaliseEmail(email);
        var errors = FieldErrors.none();
        ProfileRules.checkEmail(normalised, errors);
        errors.throwIfAny();
        var existing = people.findByEmail(normalised);
        if (existing.isPresent()) {
            if (!existing.get().verified()) {
                people.markVerified(existing.get().id(), normalised, java.time.Instant.now());
            }
            return require(existing.get().id());
        }
        String name = ProfileRules.nameFromProvider(displayName, null, normalised);
        return registerChecked(new Registration(normalised, null, name, null, null, null, type, null), normalised,
                null, EnumSet.of(Role.PARTICIPANT), true);
    }

    /** Whether the person signs in with a password (accounts made from a mailed link or a provider have none). */
    public boolean signsInWithPassword(long personId) {
        return people.hasPassword(personId);
    }

    /** Accounts for people whose contributions an organiser imports; existing ones (same key) are reused. */
    @Transactional
    public Map<String, Long> importPeople(Actor actor, List<ImportedPerson> imported) {
        if (!actor.canOrganise()) {
            throw Refusal.forbidden("error.forbidden");
        }
        var ids = new java.util.LinkedHashMap<String, Long>();
        for (var person : imported) {
            String email = ProfileRules.normaliseEmail(person.key() + IMPORTED_DOMAIN);
            long id = people.findByEmail(email).map(Person::id).orElseGet(() -> {
                long inserted = people.insert(email, null, ProfileRules.clean(person.displayName()), null, null, null,
                        ParticipantType.PUBLIC, null);
                events.publishEvent(new ProfileFactsChanged(inserted));
                return inserted;
            });
            ids.put(person.key(), id);
        }
        if (!imported.isEmpty()) {
            events.publishEvent(new AdministrativeAct(actor.personId(), "people.imported", "people", null,
                    Map.of("people", Integer.toString(ids.size()))));
        }
        return ids;
    }

    /** RFC 2606 reserves .invalid: a kiosk-only person's address never receives mail nor signs in anywhere. */
    private static final String KIOSK_ONLY_DOMAIN = "@kiosk.invalid";

    /**
     * An account for someone with no desk and no e-mail ("Maria, night shift"), who takes part only on kiosks with a
     * personal code. It has no password and no real address, so it signs in nowhere else; whoever creates it (an
     * organiser, checked by the calling module) vouches for the person, so it counts as verified like every account
     * an organiser makes.
     */
    @Transactional
    public Person registerKioskPerson(Actor vouchedBy, String displayName, String language) {
        if (vouchedBy.isGuest() || vouchedBy.isReadOnly()) {
            throw Refusal.forbidden("error.forbidden");
        }
        ProfileRules.check(new ProfileChange(displayName, null, null, null, ParticipantType.EMPLOYEE, language))
                .throwIfAny();
        String email = "kiosk-" + java.util.UUID.randomUUID() + KIOSK_ONLY_DOMAIN;
        long id = people.insert(email, null, ProfileRules.clean(displayName), null, null, null,
                ParticipantType.EMPLOYEE, ProfileRules.language(language), true);
        people.setRoles(id, EnumSet.of(Role.PARTICIPANT));
        events.publishEvent(new PersonRegistered(id, email));
        return require(id);
    }

    /** Whether this is a kiosk-only person ({@link #registerKioskPerson}): they have no address to show or mail. */
    public static boolean isKioskOnly(Person person) {
        return person.email().endsWith(KIOSK_ONLY_DOMAIN);
    }

    /** RFC 2606 reserves .invalid: an erased account's address never receives mail and frees the real one. */
    private static final String ERASED_DOMAIN = "@erased.invalid";

    /**
     * Whether the person deleted their account (or had it erased after long deactivation): what stays of it (posts,
     * counted reactions) belongs to a "former participant" that nothing links to the person (ADR 44).
     */
    public static boolean isErased(Person person) {
        return person.email().endsWith(ERASED_DOMAIN);
    }

    /** A fresh address for an erased account: unique, unreachable, and nothing of the person in it. */
    public static String erasedAddress() {
        return "erased-" + java.util.UUID.randomUUID() + ERASED_DOMAIN;
    }

    /** Whether {@code password} is the person's password (false for accounts without one). */
    public boolean passwordMatches(long personId, String password) {
        return password != null && !password.isEmpty()
                && people.passwordHash(personId).map(hash -> passwords.matches(password, hash)).orElse(false);
    }

    /** Accounts deactivated before {@code cutoff} and not yet erased, for the retention of personal data. */
    public List<Long> deactivatedBefore(java.time.Instant cutoff) {
        return people.deactivatedBefore(cutoff, ERASED_DOMAIN);
    }

    public String hashPassword(String password) {
        return passwords.encode(password);
    }

    public Optional<Person> find(long id) {
        return people.findById(id);
    }

    public Person require(long id) {
        return find(id).orElseThrow(() -> Refusal.notFound("error.personNotFound"));
    }

    public Optional<Person> findByEmail(String email) {
        return people.findByEmail(ProfileRules.normaliseEmail(email));
    }

    /** People by id, for showing authors and staff; unknown ids are left out. */
    public Map<Long, Person> findAll(Collection<Long> ids) {
        return people.findAll(ids);
    }

    /**
     * The grouping facts (country, unit, job role, type) of everyone of the given participant types, streamed for
     * counting; no names leave this module this way.
     */
    @Transactional(readOnly = true)
    public void forEachProfileOfTypes(Set<ParticipantType> types, Consumer<ProfileFacts> sink) {
        people.forEachProfileOfTypes(types, sink);
    }

    /** Grouping facts of the people with these addresses; addresses without an account are left out. */
    public void forEachProfileByEmail(Collection<String> emails, Consumer<ProfileFacts> sink) {
        people.forEachProfileByEmail(emails.stream().map(ProfileRules::normaliseEmail).toList(), sink);
    }

    /** Grouping facts of these people; unknown ids are left out. */
    public void forEachProfileById(Collection<Long> ids, Consumer<ProfileFacts> sink) {
        people.forEachProfileById(ids, sink);
    }

    /** The directory of people, for administrators. */
    public List<Person> list(Actor actor, int offset, int limit) {
        if (!actor.isAdministrator()) {
            throw Refusal.forbidden("error.forbidden");
        }
        return people.list(Math.max(offset, 0), Math.clamp(limit, 1, 200));
    }

    public long count() {
        return people.count();
    }

    /** Whether this person is the only administrator: nobody would be left to administer without them. */
    public boolean isLastAdministrator(long personId) {
        return require(personId).roles().contains(Role.ADMINISTRATOR) && people.countWithRole(Role.ADMINISTRATOR) == 1;
    }

    public boolean hasAdministrator() {
        return people.countWithRole(Role.ADMINISTRATOR) > 0;
    }

    /** A person edits their own profile; administrators may edit anyone's. */
    @Transactional
    public Person updateProfile(Actor actor, long personId, ProfileChange change) {
        if (actor.personId() != personId && !actor.isAdministrator()) {
            throw Refusal.forbidden("error.forbidden");
        }
        var current = require(personId);
        // Jams choose their audience by participant type, so people cannot change their own: an administrator does.
        var type = change.participantType() == null ? current.participantType() : change.participantType();
        if (type != current.participantType() && !actor.isAdministrator()) {
            throw Refusal.invalid("participantType", "profile.participantType.administratorsOnly");
        }
        change = new ProfileChange(change.displayName(), change.country(), change.orgUnit(), change.jobRole(), type,
                change.language());
        ProfileRules.check(change).throwIfAny();
        people.update(personId, ProfileRules.clean(change.displayName()), ProfileRules.country(change.country()),
                ProfileRules.clean(change.orgUnit()), ProfileRules.clean(change.jobRole()), change.participantType(),
                ProfileRules.language(change.language()));
        events.publishEvent(new ProfileFactsChanged(personId));
        return require(personId);
    }

    /** Who a search for "who did it" means: people whose name or address contains the text, at most limit. */
    public Set<Long> idsByNameOrEmail(String text, int limit) {
        return Set.copyOf(people.idsByNameOrEmail(text, limit));
    }

    /** Only administrators change roles, and none may remove the last administrator. */
    @Transactional
    public Person changeRoles(Actor actor, long personId, Set<Role> roles) {
        if (!actor.isAdministrator()) {
            throw Refusal.forbidden("error.forbidden");
        }
        var person = require(personId);
        if (roles.isEmpty()) {
            throw Refusal.invalid("roles", "people.roles.empty");
        }
        if (person.roles().contains(Role.ADMINISTRATOR) && !roles.contains(Role.ADMINISTRATOR)
                && people.countWithRole(Role.ADMINISTRATOR) == 1) {
            throw Refusal.conflict("people.roles.lastAdministrator");
        }
        people.setRoles(personId, roles);
        for (Role role : Role.values()) {
            boolean had = person.roles().contains(role);
            if (had != roles.contains(role)) {
                events.publishEvent(new AdministrativeAct(actor.personId(), had ? "role.removed" : "role.granted",
                        "person:" + personId, null, Map.of("role", role.name())));
            }
        }
        return require(personId);
    }

}
