using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.ProtectedIdentity;

/// <summary>
/// How a person is shown to the caller: every page, list, letter, calendar file and export that names a person asks
/// here instead of reading the name or personal number itself. A person with protected identity is shown by name,
/// personal number and contact details only to those <see cref="AccessRules.SeesProtectedIdentity"/> allows; anyone
/// else sees the neutral placeholder "Skyddad identitet". A caller that is no one (a background round) sees the
/// placeholder too.
/// </summary>
public sealed class PersonShown(JobbtorgDb db, CurrentUser user, Texts texts)
{
    /// <summary>The neutral text shown instead of a protected person's name, number or contact details.</summary>
    public string Placeholder => texts["Protected identity"];

    /// <summary>Whether the caller sees who the person on this case is.</summary>
    public bool Sees(Case c) => Sees(c.Participant.ProtectedIdentity, c.JobCentreId, c.DistrictId, c.CoachId);

    /// <summary>The same, from the facts of a case read into a projection.</summary>
    public bool Sees(bool isProtected, int jobCentreId, int districtId, string? coachId) =>
        !isProtected || AccessRules.SeesProtectedIdentity(user.Access, new CaseScope(jobCentreId, districtId, false),
            isCoachOfCase: coachId is not null && !user.IsApiClient && coachId == user.Id);

    /// <summary>Only the cases whose person the caller sees: what a search by name or personal number may find, so that a
    /// search never tells that a protected person is here.</summary>
    public IQueryable<Case> Findable(IQueryable<Case> cases) =>
        cases.Where(AccessRules.SeesPersonOf(user.Access, user.IsApiClient ? null : user.Id));

    /// <summary>The person's name ("Anna Andersson"), or the placeholder.</summary>
    public string Name(Case c) => Name(c.Participant, c.JobCentreId, c.DistrictId, c.CoachId);

    /// <summary>The full personal number ("19850101-2382"), or the placeholder.</summary>
    public string Number(Case c) => Sees(c) ? c.Participant.FormattedPersonalNumber : Placeholder;

    /// <summary>The birth date part only ("19850101-XXXX"), or the placeholder.</summary>
    public string MaskedNumber(Case c) => Sees(c) ? c.Participant.MaskedPersonalNumber : Placeholder;

    /// <summary>The date of birth as the personal number begins ("19850101"), or the placeholder.</summary>
    public string BirthDigits(Case c) => Sees(c) ? c.Participant.BirthDigits : Placeholder;

    /// <summary>A name from a projection: first and last name (or the masked number when there is no name), or the placeholder.</summary>
    public string Name(string? firstName, string? lastName, string personalNumber, bool isProtected, int jobCentreId, int districtId, string? coachId) =>
        !Sees(isProtected, jobCentreId, districtId, coachId) ? Placeholder
        : string.IsNullOrWhiteSpace(firstName) && string.IsNullOrWhiteSpace(lastName) ? $"{personalNumber[..8]}-XXXX"
        : $"{firstName} {lastName}".Trim();

    /// <summary>The name of a person a projection read together with their case's scope, or the placeholder.</summary>
    public string Name(Participant person, int jobCentreId, int districtId, string? coachId) =>
        Sees(person.ProtectedIdentity, jobCentreId, districtId, coachId) ? person.DisplayName : Placeholder;

    /// <summary>The shown names of these cases' people, by case id, for lists that read the cases as projections.</summary>
    public async Task<IReadOnlyDictionary<int, string>> NamesAsync(IReadOnlyCollection<int> caseIds, CancellationToken ct)
    {
        if (caseIds.Count == 0) return new Dictionary<int, string>();
        var rows = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Participant.FirstName, c.Participant.LastName, c.Participant.PersonalNumber, c.Participant.ProtectedIdentity,
                c.JobCentreId, c.DistrictId, c.CoachId })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => Name(r.FirstName, r.LastName, r.PersonalNumber, r.ProtectedIdentity, r.JobCentreId, r.DistrictId, r.CoachId));
    }

    /// <summary>Contact details (a phone number, an e-mail address) of the person, or the placeholder.</summary>
    public string? Contact(Case c, string? value) => value is null ? null : Sees(c) ? value : Placeholder;
}
