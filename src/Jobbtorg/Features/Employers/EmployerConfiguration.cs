using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobbtorg.Features.Employers;

internal sealed class EmployerConfiguration : IEntityTypeConfiguration<Employer>
{
    public void Configure(EntityTypeBuilder<Employer> b)
    {
        b.Property(x => x.OrganisationNumber).HasMaxLength(10);
        b.Property(x => x.Unit).HasMaxLength(Employer.UnitMaxLength);
        b.Property(x => x.UnitKey).HasMaxLength(Employer.UnitMaxLength);
        b.Property(x => x.Name).HasMaxLength(Employer.NameMaxLength);
        b.Property(x => x.SearchName).HasMaxLength(Employer.NameMaxLength + Employer.UnitMaxLength + 1);
        b.Property(x => x.VisitingAddress).HasMaxLength(Employer.AddressMaxLength);
        b.Property(x => x.PostalAddress).HasMaxLength(Employer.AddressMaxLength);
        b.Property(x => x.RegisteredBy).HasMaxLength(256);
        // One employer per organisation number and unit (none = ""): registering it again finds the one there is.
        b.HasIndex(x => new { x.OrganisationNumber, x.UnitKey }).IsUnique();
        b.HasMany(x => x.Contacts).WithOne().HasForeignKey(c => c.EmployerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EmployerContactConfiguration : IEntityTypeConfiguration<EmployerContact>
{
    public void Configure(EntityTypeBuilder<EmployerContact> b)
    {
        b.Property(x => x.Name).HasMaxLength(EmployerContact.NameMaxLength);
        b.Property(x => x.Role).HasMaxLength(EmployerContact.RoleMaxLength);
        b.Property(x => x.Phone).HasMaxLength(EmployerContact.PhoneMaxLength);
        b.Property(x => x.Email).HasMaxLength(EmployerContact.EmailMaxLength);
    }
}

internal sealed class VacancyConfiguration : IEntityTypeConfiguration<Vacancy>
{
    public void Configure(EntityTypeBuilder<Vacancy> b)
    {
        b.HasOne(x => x.Employer).WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Title).HasMaxLength(Vacancy.TitleMaxLength);
        b.Property(x => x.OccupationCode).HasMaxLength(4);
        b.Property(x => x.PlaceOfWork).HasMaxLength(Vacancy.PlaceOfWorkMaxLength);
        b.Property(x => x.LanguageCode).HasMaxLength(8);
        b.Property(x => x.LanguageLevel).HasMaxLength(8);
        b.Property(x => x.DrivingLicence).HasMaxLength(4);
        b.Property(x => x.EducationLevel).HasMaxLength(4);
        b.Property(x => x.WithdrawalReason).HasMaxLength(Vacancy.ReasonMaxLength);
        b.Property(x => x.ClosedBy).HasMaxLength(256);
        b.Property(x => x.RegisteredBy).HasMaxLength(256);
        b.Property(x => x.SearchText).HasMaxLength(Vacancy.TitleMaxLength + Vacancy.PlaceOfWorkMaxLength + 1);
        b.HasIndex(x => new { x.Status, x.StartDate });
        b.HasIndex(x => x.EmployerId);
        b.ToTable(t => t.HasCheckConstraint("CK_Vacancies_PlacesHeld", "\"PlacesHeld\" >= 0 AND \"PlacesHeld\" <= \"Places\""));
    }
}
