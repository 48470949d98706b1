package com.sigmatiq.kit.web.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The platform's roles as the gateway writes them in a token's {@code roles} claim ({@code ["user", "operator"]}),
 * and their Spring Security authorities ({@code ROLE_operator}).
 */
public final class Roles implements Converter<Jwt, Collection<GrantedAuthority>> {

    /** The token claim holding the roles. */
    public static final String CLAIM = "roles";
    /** Every registered user. */
    public static final String USER = "user";
    /** May change shared data: bar imports and replays. */
    public static final String OPERATOR = "operator";
    /** A platform service acting for itself (its own token from the gateway, no user behind it). */
    public static final String SERVICE = "service";
    /** Prefix of a role's authority, as {@code hasRole} expects it. */
    public static final String AUTHORITY_PREFIX = "ROLE_";

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    /** The roles of a token (empty when it has none). */
    public static List<String> of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(CLAIM);
        if (roles == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(roles.size());
        for (String r : roles) {
            if (r != null && NAME.matcher(r).matches() && !out.contains(r)) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String role : of(jwt)) {
            authorities.add(new SimpleGrantedAuthority(AUTHORITY_PREFIX + role));
        }
        return authorities;
    }
}
