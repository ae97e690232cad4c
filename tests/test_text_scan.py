"""The scanner of tests.text_scan finds each kind of English placeholder it promises."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.text_scan import english_placeholders

SCRIPT = '''
import pandas as pd
import streamlit as st

st.selectbox("Pijler", ["a", "b"], index=None)
st.selectbox("Richting", ["a", "b"], index=None, placeholder="Kies een richting")
st.selectbox("Bron", ["a", "b"])
st.multiselect("Criteria", ["a"])
st.multiselect("Maatregelen", ["a"], placeholder="Kies maatregelen")
st.dataframe(pd.DataFrame({"x": [1, None]}))
st.dataframe(pd.DataFrame({"x": [1, None]}), placeholder="")
st.dataframe(pd.DataFrame({"x": [1, 2]}))
st.data_editor(pd.DataFrame({"x": [1.0, 2.0]}), num_rows="dynamic", placeholder="", key="grow",
               column_config={"x": st.column_config.NumberColumn("Waarde", help="Select a value")})
st.data_editor(pd.DataFrame({"z": ["laag", None]}), placeholder="", key="fixed",
               column_config={"z": st.column_config.SelectboxColumn("Zekerheid",
                                                                    options=["laag", "hoog"])})
st.data_editor(pd.DataFrame({"z": ["laag", "hoog"]}), placeholder="", key="full",
               column_config={"z": st.column_config.SelectboxColumn("Zekerheid",
                                                                    options=["laag", "hoog"])})
st.caption("Waarde: None")
st.radio("Keuze", ["None", "ja"])
with st.expander("Add row"):
    st.markdown("Niets bijzonders; **geen** Engels.")
st.sidebar.text_input("Naam", placeholder="Select...")
st.button("Export", help="Download the ZIP file")  # "Export" is Dutch too
'''


def test_the_scan_names_each_english_placeholder_and_where_it_is() -> None:
    at = AppTest.from_string(SCRIPT)
    at.run()
    assert not at.exception
    assert english_placeholders(at) == [
        "selectbox 'Pijler': frontend shows 'Choose an option'",
        "multiselect 'Criteria': frontend shows 'Choose options'",
        "dataframe: frontend shows 'None'",
        "dataframe [grow] columns:x.help: Select a value",
        "dataframe [grow]: frontend shows 'Add row'",
        "dataframe [fixed] column 'Zekerheid': frontend shows 'Select...'",
        "caption body: Waarde: None",
        "radio 'Keuze' options: None",
        "expander 'Add row' label: Add row",
        "button 'Export' help: English text 'Download the ZIP file'",
        "text_input 'Naam' placeholder: Select...",  # the sidebar comes last
    ]


def test_allowed_texts_are_left_out() -> None:
    at = AppTest.from_string('import streamlit as st\nst.markdown("Maatregel None")\n'
                             'st.selectbox("Pijler", ["a"], index=None)')
    at.run()
    assert english_placeholders(at, allow={"None", "Choose an option"}) == []
