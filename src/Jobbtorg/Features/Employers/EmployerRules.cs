using Jobbtorg.Features.Shared;
using Jobbtorg.Identity;

namespace Jobbtorg.Features.Employers;

/// <summary>The rules of an employer and its contact people; every problem is named at once, by field.</summary>
public static class EmployerRules
{
    public static FieldErrors Check(EmployerRequest r)
    {
        var errors = new FieldErrors();
        if (!OrganisationNumber.TryParse(r.OrganisationNumber, out _, out var problem))
            errors.Refuse(nameof(r.OrganisationNumber), OrganisationNumber.Describe(problem));
        Text(errors, nameof(r.Unit), r.Unit, Employer.UnitMaxLength);
        if (Employer.Tidy(r.Name) is null) errors.Refuse(nameof(r.Name), "Write the employer's name.");
        else Text(errors, nameof(r.Name), r.Name, Employer.NameMaxLength);
        if (r.Industry is null) errors.Refuse(nameof(r.Industry), "Choose the industry (SNI section A–U).");
        Text(errors, nameof(r.VisitingAddress), r.VisitingAddress, Employer.AddressMaxLength);
        Text(errors, nameof(r.PostalAddress), r.PostalAddress, Employer.AddressMaxLength);
        return errors;
    }

    public static FieldErrors Check(ContactRequest r)
    {
        var errors = new FieldErrors();
        if (Employer.Tidy(r.Name) is null) errors.Refuse(nameof(r.Name), "Write the contact person's name.");
        else Text(errors, nameof(r.Name), r.Name, EmployerContact.NameMaxLength);
        Text(errors, nameof(r.Role), r.Role, EmployerContact.RoleMaxLength);
        if (Employer.Tidy(r.Phone) is { } phone && (phone.Length > EmployerContact.PhoneMaxLength || !IsPhoneNumber(phone)))
            errors.Refuse(nameof(r.Phone), "Write the phone number with digits, e.g. 08-508 00 000.");
        if (Employer.Tidy(r.Email) is { } email && (email.Length > EmployerContact.EmailMaxLength || !IsEmail(email)))
            errors.Refuse(nameof(r.Email), "Write the e-mail address as name@example.se.");
        return errors;
    }

    /// <summary>Text, when given, on one line and within its length.</summary>
    internal static void Text(FieldErrors errors, string field, string? value, int maxLength)
    {
        if (Employer.Tidy(value) is not { } tidy) return;
        if (tidy.Length > maxLength) errors.Refuse(field, new Message("This may be at most {0} characters.", maxLength));
        else if (tidy.Any(char.IsControl)) errors.Refuse(field, new Message("Write this on one line."));
    }

    /// <summary>Digits with the usual separators and an optional leading +, at least six digits.</summary>
    public static bool IsPhoneNumber(string phone) =>
        phone.All(ch => char.IsAsciiDigit(ch) || ch is ' ' or '-' or '(' or ')' || ch == '+' && phone.IndexOf('+') == 0 && phone.LastIndexOf('+') == 0)
        && phone.Count(char.IsAsciiDigit) >= 6;

    /// <summary>One @ with something before it and a domain with a dot after it; no spaces.</summary>
    public static bool IsEmail(string email)
    {
        var at = email.IndexOf('@');
        if (at <= 0 || at != email.LastIndexOf('@') || email.Any(char.IsWhiteSpace) || email.Any(char.IsControl)) return false;
        var domain = email[(at + 1)..];
        return domain.Length >= 3 && domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.');
    }
}
