package org.carrel.district;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.carrel.accounts.SchoolDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lets the accounts module resolve the schools staff are scoped to, without knowing the school table. */
@Component
class DistrictSchoolDirectory implements SchoolDirectory {

    private final SchoolStore schools;

    DistrictSchoolDirectory(SchoolStore schools) {
        this.schools = schools;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> schoolIdByCode(String code) {
        return schools.byCode(SchoolRules.normaliseCode(code)).map(SchoolView::id);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> schoolNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        schools.all().forEach(school -> names.put(school.id(), school.name()));
        return names;
    }
}
