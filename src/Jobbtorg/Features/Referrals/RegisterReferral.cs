using System.ComponentModel.DataAnnotations;
using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Shared;
using Jobbtorg.Identity;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Features.Shared.RequestRules;

namespace Jobbtorg.Features.Referrals;

/// <summary>What a district sends: the person, why they belong at the job centre, and their consent. The rules that need
/// nothing but the request (and today's date and the channel) are declared here; whether the district exists and may be
/// referred to is the use case's.</summary>
[CheckedByUseCase]
public sealed record ReferralRequest : IValidatableObject
{
    public const int MinimumAge = 16;
    public const int MaxTextLength = 4000;
    public const string Today = nameof(Today);
    public const string Channel = nameof(Channel);

    [ApiRequired] public string? PersonalNumber { get; init; }
    [StringLength(100, ErrorMessage = "The first name may be at most 100 characters.")]
    public string? FirstName { get; init; }
    [StringLength(100, ErrorMessage = "The last name may be at most 100 characters.")]
    public string? LastName { get; init; }
    /// <summary>F, M or X; taken from the personal number when left out.</summary>
    public Gender? Gender { get; init; }
    [ApiRequired, Required(ErrorMessage = "Choose the district.")] public string? District { get; init; }
    [ApiRequired, Required(ErrorMessage = "Choose the target group.")] public TargetGroup? TargetGroup { get; init; }
    public bool ReceivesBenefit { get; init; }
    public bool HasChildren { get; init; }
    public bool NewlyUnemployed { get; init; }
    public bool NewlyArrived { get; init; }
    [StringLength(MaxTextLength, ErrorMessage = "The text may be at most {1} characters.")]
    public string? Text { get; init; }
    public bool ConsentGiven { get; init; }
    public DateOnly? ConsentDate { get; init; }
    /// <summary>The person has protected personal data (the Tax Agency's marking). True marks the person; false or left out
    /// leaves an earlier marking as it is (only the marking itself, <c>PUT /api/people/{personalNumber}/protected-identity</c>,
    /// removes it).</summary>
    public bool ProtectedIdentity { get; init; }
    /// <summary>Defaults to today.</summary>
    public DateOnly? ReferralDate { get; init; }
    /// <summary>The district system's own id; sending the same id again returns the same case.</summary>
    [StringLength(100, ErrorMessage = "The district's referral id may be at most 100 characters.")]
    public string? DistrictReferralId { get; init; }

    /// <summary>The rules between fields, given today's date (<see cref="Today"/>) and the <see cref="Channel"/>.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        var today = context.Item<DateOnly>(Today);
        var channel = context.Item<ReferralChannel>(Channel);
        var referralDate = ReferralDate ?? today;
        if (referralDate > today) yield return Refused(nameof(ReferralDate), "The referral date cannot be in the future.");
        else if (referralDate < Dates.Min) yield return Refused(nameof(ReferralDate), "The date {0} is before {1}, the earliest date the system accepts.", referralDate, Dates.Min);

        var age = Identity.PersonalNumber.TryParse(PersonalNumber, today, ReferralDate, out var number, out var pnError) ? number.AgeOn(referralDate) : null;
        if (age is null)
            yield return Refused(nameof(PersonalNumber), Input.PersonalNumberProblem(pnError));
        else if (age < 0) yield return Refused(nameof(ReferralDate), "The referral date {0} is before the person was born.", referralDate);
        else if (age < MinimumAge) yield return Refused(nameof(PersonalNumber), "The person is {0} years old; the job centre takes people from {1}.", age, MinimumAge);

        // Said only when the personal number is accepted (an age under 16 is refused on the number itself).
        if (TargetGroup == Cases.TargetGroup.Youth && age is { } a && (a < 0 || a >= MinimumAge) && !AgeBands.IsYouth(a))
            yield return Refused(nameof(TargetGroup), "The youth target group is for people aged 16–24.");

        if (ConsentGiven && ConsentDate is null) yield return Refused(nameof(ConsentDate), "Enter the date the person gave consent.");
        if (ConsentDate > today) yield return Refused(nameof(ConsentDate), "The consent date cannot be in the future.");
        else if (ConsentDate < Dates.Min) yield return Refused(nameof(ConsentDate), "The date {0} is before {1}, the earliest date the system accepts.", ConsentDate, Dates.Min);
        if (!ConsentGiven && ConsentDate is not null) yield return Refused(nameof(ConsentDate), "A consent date is only given when the person consented.");
        // Names are optional for district systems, but a person registered by hand must be recognisable.
        if (channel == ReferralChannel.Form && string.IsNullOrWhiteSpace(FirstName)) yield return Refused(nameof(FirstName), "Enter the first name.");
        if (channel == ReferralChannel.Form && string.IsNullOrWhiteSpace(LastName)) yield return Refused(nameof(LastName), "Enter the last name.");
        // The form's binder and the API's reader refuse these already; a caller of the use case gets the same rule.
        foreach (var (field, text) in new[] { (nameof(PersonalNumber), PersonalNumber), (nameof(FirstName), FirstName), (nameof(LastName), LastName),
                     (nameof(District), District), (nameof(Text), Text), (nameof(DistrictReferralId), DistrictReferralId) })
            if (Input.TextProblem(text) is { } problem) yield return Refused(field, problem);
    }
}

public abstract record ReferralOutcome
{
    public sealed record Created(Case Case) : ReferralOutcome;
    /// <summary>The person already has an open case, or the district's id was seen before.</summary>
    public sealed record Existing(Case Case) : ReferralOutcome;
    public sealed record Invalid(FieldErrors Errors) : ReferralOutcome;
    /// <summary>The person has an open case the caller may not see: nothing is created, and nothing about it is told.</summary>
    public sealed record OpenElsewhere : ReferralOutcome;
}

/// <summary>Registers a referral from the form or a district system and books the new case on an info meeting.
/// A person never gets a second open case, and a district's referral id is never registered twice, even when
/// requests race.</summary>
public sealed class RegisterReferral(JobbtorgDb db, TimeProvider clock, CurrentUser user, CaseAccess access, BookInfoMeeting bookInfoMeeting)
{
    /// <param name="alongside">Work stored with a new case in the same save (a programme's intake adds the case's
    /// membership): it sees the case before it is stored, and a rule it breaks stores nothing.</param>
    public async Task<ReferralOutcome> HandleAsync(ReferralRequest request, ReferralChannel channel, CancellationToken ct = default,
        Action<Case>? alongside = null)
    {
        var today = clock.Today();
        var errors = RequestRules.Check(request, (ReferralRequest.Today, today), (ReferralRequest.Channel, channel));
        var referralDate = request.ReferralDate ?? today;
        PersonalNumber.TryParse(request.PersonalNumber, today, request.ReferralDate, out var personalNumber, out _);
        var age = errors.Has(nameof(request.PersonalNumber)) ? null : personalNumber.AgeOn(referralDate);

        // The district, once the request names one that can be looked up.
        Organisation.District? district = null;
        if (!errors.Has(nameof(request.District)))
        {
            district = await db.Districts.FirstOrDefaultAsync(d => d.Code == request.District!.Trim().ToLower(), ct);
            if (district is null) errors.Refuse(nameof(request.District), "There is no district with the code '{0}'.", request.District);
            else if (district.RetiredOn is not null) errors.Refuse(nameof(request.District), "The district {0} is retired and takes no new referrals.", district.Name);
            else if (!AccessRules.AllowsReferralTo(user.Access, district.Id, district.ServingJobCentreId(AgeBands.IsYouth(age))))
                errors.Refuse(nameof(request.District), user.Access.DistrictId is not null || user.Access.IsApiKey
                    ? "You may only refer people from your own district."
                    : "The case would go to a job centre whose cases you do not see; refer only to the centres you work with.");
            else if (request.ProtectedIdentity && !AccessRules.Allows(user.Access, Permission.MarkProtectedIdentity,
                         new CaseScope(district.ServingJobCentreId(AgeBands.IsYouth(age)), district.Id, false)))
                errors.Refuse(nameof(request.ProtectedIdentity), "Only the district's case workers and administrators may mark protected identity.");
        }
        if (errors.Count > 0) return new ReferralOutcome.Invalid(errors);

        // Two attempts: a concurrent referral for the same person may win the unique index between our
        // check and our insert; the second attempt then finds and returns that case.
        for (var attempt = 0; ; attempt++)
        {
            if (await FindExistingAsync(district!.Id, request.DistrictReferralId, personalNumber.Value, ct) is { } existing)
                return access.Can(Permission.ReadCase, existing) ? new ReferralOutcome.Existing(existing) : new ReferralOutcome.OpenElsewhere();
            try
            {
                var created = await CreateAsync(request, personalNumber, district, referralDate, age, channel, alongside, ct);
                await bookInfoMeeting.HandleAsync(created.Id, ct: ct);
                return new ReferralOutcome.Created(created);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Case?> FindExistingAsync(int districtId, string? districtReferralId, string personalNumber, CancellationToken ct)
    {
        var cases = db.Cases.Include(c => c.District).Include(c => c.Coach).Include(c => c.Plans);
        if (!string.IsNullOrWhiteSpace(districtReferralId)
            && await cases.FirstOrDefaultAsync(c => c.DistrictId == districtId && c.DistrictReferralId == districtReferralId, ct) is { } same)
            return same;
        return await cases.FirstOrDefaultAsync(c => c.OpenParticipant!.PersonalNumber == personalNumber, ct);
    }

    private async Task<Case> CreateAsync(ReferralRequest request, PersonalNumber number, Organisation.District district,
        DateOnly referralDate, int? age, ReferralChannel channel, Action<Case>? alongside, CancellationToken ct)
    {
        var participant = await db.Participants.FirstOrDefaultAsync(p => p.PersonalNumber == number.Value, ct)
            ?? db.Participants.Add(new Participant { PersonalNumber = number.Value }).Entity;
        participant.FirstName = Clean(request.FirstName) ?? participant.FirstName;
        participant.LastName = Clean(request.LastName) ?? participant.LastName;
        if (request.ProtectedIdentity) participant.MarkProtectedIdentity(true, user.Name, clock.GetUtcNow());
        // The gender belongs to the referral; the person shows the latest referral's, which a back-dated one is not.
        var gender = request.Gender ?? (number.Sex == LegalSex.Female ? Gender.F : Gender.M);
        if (participant.Id == 0 || !await db.Cases.AnyAsync(c => c.ParticipantId == participant.Id && c.ReferralDate > referralDate, ct))
            participant.Gender = gender;

        var c = Case.Refer(participant, gender, district, district.ServingJobCentreId(AgeBands.IsYouth(age)), referralDate, clock.GetUtcNow(), user.Name, channel);
        c.TargetGroup = request.TargetGroup!.Value;
        c.ReceivesBenefit = request.ReceivesBenefit;
        c.HasChildren = request.HasChildren;
        c.NewlyUnemployed = request.NewlyUnemployed;
        c.NewlyArrived = request.NewlyArrived;
        c.ReferralText = Clean(request.Text);
        if (request.ConsentGiven && request.ConsentDate is { } consented) c.ConsentAtReferral(consented, user.Name, c.ReferredAt);
        c.DistrictReferralId = Clean(request.DistrictReferralId);
        db.Cases.Add(c);
        alongside?.Invoke(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
