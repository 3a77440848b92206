using Jobbtorg.Features.Access;
using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobbtorg.Features.Employers;

public sealed record ContactDto(int Id, string Name, string? Role, string? Phone, string? Email)
{
    public static ContactDto From(EmployerContact c) => new(c.Id, c.Name, c.Role, c.Phone, c.Email);
}

/// <summary>An employer with its contact people. <c>organisationNumber</c> is 10 digits; <c>unit</c> is the part of a large
/// organisation (null for the organisation as a whole).</summary>
public sealed record EmployerDto(int Id, string OrganisationNumber, string? Unit, string Name, Industry Industry,
    string? VisitingAddress, string? PostalAddress, bool IsCityAdministration, List<ContactDto> Contacts)
{
    public static EmployerDto From(Employer e) => new(e.Id, e.OrganisationNumber, e.Unit, e.Name, e.Industry, e.VisitingAddress,
        e.PostalAddress, e.IsCityAdministration, e.Contacts.OrderBy(c => c.Name).Select(ContactDto.From).ToList());
}

/// <summary>An employer's page: the employer, its vacancies (every status) and the placements recorded at its organisation
/// number, counted by kind.</summary>
public sealed record EmployerDetailsDto(EmployerDto Employer, List<VacancyDto> Vacancies, List<PlacementCount> Placements);

public sealed record VacancyDto(int Id, int EmployerId, string EmployerName, string? EmployerUnit, string Title, string Occupation,
    PlacementKind Kind, int Places, int HoursPerWeek, string PlaceOfWork, DateOnly StartDate, DateOnly LastDayToPropose,
    string? Language, string? LanguageLevel, string? DrivingLicence, string? EducationLevel, int? YearsOfExperience,
    VacancyStatus Status, string? WithdrawalReason, DateTimeOffset? ClosedAt, DateTimeOffset RegisteredAt)
{
    public static VacancyDto From(Vacancy v) => new(v.Id, v.EmployerId, v.Employer.Name, v.Employer.Unit, v.Title, v.OccupationCode,
        v.Kind, v.Places, v.HoursPerWeek, v.PlaceOfWork, v.StartDate, v.LastDayToPropose, v.LanguageCode, v.LanguageLevel,
        v.DrivingLicence, v.EducationLevel, v.YearsOfExperience, v.Status, v.WithdrawalReason, v.ClosedAt?.ToStockholm(),
        v.RegisteredAt.ToStockholm());
}

public static class EmployersApi
{
    public const string EmployersTag = "Employers";
    public const string VacanciesTag = "Vacancies";

    public static void MapEmployersApi(this IEndpointRouteBuilder routes)
    {
        // The requests' rules are checked by the use cases, in the reader's language. No participant is named here.
        var employers = routes.MapGroup("/api/employers").WithTags(EmployersTag).DisableValidation().NoPersonalData();

        employers.MapGet("/", async Task<Results<Ok<List<EmployerDto>>, FieldProblem>> (string? q, EmployerWork work, CancellationToken ct) =>
            {
                if (q is { Length: > EmployerWork.SearchMaxLength })
                    return new FieldProblem(new FieldErrors().Refuse("q", new Message("This may be at most {0} characters.", EmployerWork.SearchMaxLength)));
                return TypedResults.Ok((await work.SearchAsync(q, ct)).Select(EmployerDto.From).ToList());
            })
            .RequirePermission(Permission.ReadEmployers)
            .WithName("listEmployers")
            .WithSummary("Employers by name or organisation number")
            .WithDescription("`q` is looked for in the name and unit (any letter case) or, when it is digits (a hyphen allowed), at " +
                             "the start of the organisation number. Without `q`, every employer. At most 100, by name.");

        employers.MapGet("/{id:int}", async Task<Results<Ok<EmployerDetailsDto>, NotFound>> (int id, EmployerWork work, VacancyWork vacancies,
                CancellationToken ct) =>
            {
                if (await work.FindAsync(id, ct) is not { } employer) return TypedResults.NotFound();
                var list = await vacancies.ListAsync(new VacancyFilter(EmployerId: id), ct);
                var placements = await work.PlacementCountsAsync(employer.OrganisationNumber, ct);
                return TypedResults.Ok(new EmployerDetailsDto(EmployerDto.From(employer), list.Select(VacancyDto.From).ToList(), placements));
            })
            .RequirePermission(Permission.ReadEmployers)
            .WithName("getEmployer")
            .WithSummary("One employer with its contact people, its vacancies and the placements recorded at its organisation number")
            .WithDescription("`placements` counts the placements by kind for the organisation number (every unit of it); it names no one.");

        employers.MapPost("/", async Task<Results<Created<EmployerDto>, Ok<EmployerDto>, FieldProblem>> (EmployerRequest request, EmployerWork work,
                CancellationToken ct) => await work.RegisterAsync(request, ct) switch
            {
                EmployerOutcome.Done { Created: true } done => TypedResults.Created($"/api/employers/{done.Employer.Id}", EmployerDto.From(done.Employer)),
                EmployerOutcome.Done done => TypedResults.Ok(EmployerDto.From(done.Employer)),
                EmployerOutcome.Invalid invalid => new FieldProblem(invalid.Errors),
                _ => throw new InvalidOperationException(),
            })
            .RequirePermission(Permission.ManageEmployers)
            .WithName("registerEmployer")
            .WithSummary("Register an employer, or find the one registered with the same organisation number and unit")
            .WithDescription("201 with the new employer, or 200 with the one already registered (the unit compared without regard " +
                             "to letter case; the organisation number and no unit is another employer than the same number with a " +
                             "unit). `organisationNumber` is 10 digits with the check digit (NNNNNN-NNNN accepted); a personal " +
                             "identity number is refused. `industry` is the SNI 2007 section letter A–U. Errors answer 400 naming " +
                             "the field, and nothing is stored.");

        employers.MapPost("/{id:int}/contacts", async Task<Results<Created<EmployerDto>, NotFound, FieldProblem>> (int id, ContactRequest request,
                EmployerWork work, CancellationToken ct) => await work.AddContactAsync(id, request, ct) switch
            {
                EmployerOutcome.Done done => TypedResults.Created($"/api/employers/{id}", EmployerDto.From(done.Employer)),
                EmployerOutcome.Invalid invalid => new FieldProblem(invalid.Errors),
                _ => TypedResults.NotFound(),
            })
            .RequirePermission(Permission.ManageEmployers)
            .WithName("addEmployerContact")
            .WithSummary("Add a contact person (name; role, phone and e-mail optional) to an employer")
            .WithDescription("Answers 201 with the employer and all its contact people. Errors answer 400 naming the field.");

        var vacancies = routes.MapGroup("/api/vacancies").WithTags(VacanciesTag).DisableValidation().NoPersonalData();

        vacancies.MapGet("/", async Task<Results<Ok<List<VacancyDto>>, FieldProblem>> (VacancyStatus? status, PlacementKind? kind, string? occupation,
                int? employer, string? text, VacancyWork work, CancellationToken ct) =>
            {
                var filter = new VacancyFilter(status, kind, occupation, employer, text);
                if (VacancyWork.Check(filter) is { Count: > 0 } errors) return new FieldProblem(errors);
                return TypedResults.Ok((await work.ListAsync(filter, ct)).Select(VacancyDto.From).ToList());
            })
            .RequirePermission(Permission.ReadEmployers)
            .WithName("listVacancies")
            .WithSummary("Vacancies, narrowed by status, kind, occupation (an SSYK code or its first digits), employer and text")
            .WithDescription("Open ones first, by the last day to propose. `text` is looked for in the title, the place of work and " +
                             "the employer's name. At most 200.");

        vacancies.MapGet("/{id:int}", async Task<Results<Ok<VacancyDto>, NotFound>> (int id, VacancyWork work, CancellationToken ct) =>
                await work.FindAsync(id, ct) is { } v ? TypedResults.Ok(VacancyDto.From(v)) : TypedResults.NotFound())
            .RequirePermission(Permission.ReadEmployers)
            .WithName("getVacancy")
            .WithSummary("One vacancy");

        vacancies.MapPost("/", async Task<Results<Created<VacancyDto>, FieldProblem>> (VacancyRequest request, VacancyWork work, CancellationToken ct) =>
                await work.RegisterAsync(request, ct) switch
                {
                    VacancyOutcome.Done done => TypedResults.Created($"/api/vacancies/{done.Vacancy.Id}", VacancyDto.From(done.Vacancy)),
                    VacancyOutcome.Invalid invalid => new FieldProblem(invalid.Errors),
                    _ => throw new InvalidOperationException(),
                })
            .RequirePermission(Permission.ManageEmployers)
            .WithName("registerVacancy")
            .WithSummary("Register an open vacancy at an employer")
            .WithDescription("`occupation` is an SSYK 2012 occupation group (four digits, see `/api/occupations`); `kind` is " +
                             "`Internship`, `Employment`, `SubsidizedEmployment` or `MunicipalJob`; `places` 1–500; `hoursPerWeek` " +
                             "1–40; `startDate` from today up to two years ahead; `lastDayToPropose` from today up to the start " +
                             "date. Requirements are optional: `language` (ISO 639 code) with `languageLevel` (A1–C2 or Native), " +
                             "`drivingLicence` (B, C, CE…), `educationLevel` (SUN 2020 level-2 code), `yearsOfExperience` (0–40). " +
                             "Errors answer 400 naming each field, and nothing is stored.");

        vacancies.MapPost("/{id:int}/withdraw", async Task<Results<Ok<VacancyDto>, NotFound, FieldProblem, RefusedProblem>> (int id,
                WithdrawVacancyRequest request, VacancyWork work, CancellationToken ct) => await work.WithdrawAsync(id, request, ct) switch
            {
                VacancyOutcome.Done done => TypedResults.Ok(VacancyDto.From(done.Vacancy)),
                VacancyOutcome.Invalid invalid => new FieldProblem(invalid.Errors),
                VacancyOutcome.Refused refused => new RefusedProblem(refused.Message),
                _ => TypedResults.NotFound(),
            })
            .RequirePermission(Permission.ManageEmployers)
            .WithName("withdrawVacancy")
            .WithSummary("Withdraw an open vacancy, with the reason (`reason`, at most 500 characters)")
            .WithDescription("A vacancy already filled or withdrawn answers 409; it stays in the employer's history.");
    }
}
