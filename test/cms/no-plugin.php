<?php
// No plugin: WordPress as it comes.
